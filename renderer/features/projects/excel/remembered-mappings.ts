// Column mappings the user confirmed, remembered on this computer by the file's header row, so the
// next list issued in the same layout maps itself.
const KEY = 'ducha.excelMappings';

function readAll(): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export const recallMapping = (signature: string): unknown => readAll()[signature];

export function rememberMapping(signature: string, mapping: unknown): void {
  localStorage.setItem(KEY, JSON.stringify({ ...readAll(), [signature]: mapping }));
}
