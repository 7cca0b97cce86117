// The records both sides carry: responsible units (责任单位), each a small record of four fields, about
// 200 bytes as JSON — one PouchDB document, or four Ducha operations (one per field, the unit of sync
// in Ducha). Both sides carry the same field names and values, so the same bytes of payload; what each
// adds around them (PouchDB's _id/_rev and revision tree, Ducha's row id, clock and node per field) is
// its own protocol's overhead. Speeds are given in records per second on both sides.
const KINDS = ['development', 'construction', 'water', 'environment', 'planning', 'transport', 'enterprise'];
const COUNTIES = [
  '思茅区',
  '宁洱县',
  '墨江县',
  '景东县',
  '景谷县',
  '镇沅县',
  '江城县',
  '孟连县',
  '澜沧县',
  '西盟县',
];

/** The unit table's fields of a record: each is one operation on Ducha's side. */
export const FIELDS_PER_RECORD = 4;

/** `count` unit records with ids starting with `prefix` (distinct prefixes: distinct rows). */
export function unitRecords(count, prefix) {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(6, '0');
    const county = COUNTIES[i % COUNTIES.length];
    return {
      id: `${prefix}-${n}`,
      fields: {
        name: `${county}重点项目建设指挥部第${n}号工程（城市更新片区与配套设施）`,
        shortName: `${county.slice(0, 2)}${n}`,
        kind: KINDS[i % KINDS.length],
        regionId: `region-${String(i % 97).padStart(3, '0')}`,
      },
    };
  });
}

/** As PouchDB documents: the record's id as _id, its fields as they are. */
export const asDocuments = (records) => records.map(({ id, fields }) => ({ _id: id, ...fields }));

/** Makes the records on a laptop (the reference client): one operation per field, queued for its push. */
export function editOnLaptop(laptop, records) {
  for (const { id, fields } of records) {
    for (const [field, value] of Object.entries(fields)) laptop.edit('units', id, field, value);
  }
}

/** Bytes of payload: the records' fields as JSON, the same for both sides. */
export const payloadBytes = (records) =>
  records.reduce((sum, { fields }) => sum + Buffer.byteLength(JSON.stringify(fields)), 0);

/** Bytes of one record as a PouchDB document's JSON (id and fields), for the printed "~200 B". */
export const documentBytes = (records) =>
  records.length === 0 ? 0 : Buffer.byteLength(JSON.stringify(asDocuments(records.slice(0, 1))[0]));
