// Where each photo original goes in an export folder: photos/<project>/<visit date>/<file name>, or
// photos/<project>/问题 <title>/ for a photo of an issue, so a leader browsing the stick finds them
// by project and visit. The bundle needs no second copy: its manifest finds each blob by its hash.
import type { ExportPhoto } from '../../../db';
import { safeName, uniqueName } from './safe-name';

export interface PhotoPlaceNames {
  readonly projects: ReadonlyMap<string, string>;
  readonly visitDates: ReadonlyMap<string, string>;
  readonly issueTitles: ReadonlyMap<string, string>;
}

export function photoPaths(photos: readonly ExportPhoto[], names: PhotoPlaceNames): Map<string, string> {
  const folderOfOwner = new Map<string, string>();
  const foldersTaken = new Map<string, Set<string>>();
  const filesTaken = new Map<string, Set<string>>();
  const paths = new Map<string, string>();
  for (const photo of photos) {
    const project = safeName(names.projects.get(photo.projectId) ?? photo.projectId);
    const ownerKey =
      photo.visitId ?? (photo.issueId ? `issue:${photo.issueId}` : `project:${photo.projectId}`);
    let folder = folderOfOwner.get(ownerKey);
    if (!folder) {
      const label = photo.visitId
        ? `${names.visitDates.get(photo.visitId) ?? ''} 督查`
        : photo.issueId
          ? `问题 ${names.issueTitles.get(photo.issueId) ?? ''}`
          : '项目';
      const taken = foldersTaken.get(project) ?? new Set<string>();
      foldersTaken.set(project, taken);
      folder = `photos/${project}/${uniqueName(safeName(label), taken)}`;
      folderOfOwner.set(ownerKey, folder);
    }
    const files = filesTaken.get(folder) ?? new Set<string>();
    filesTaken.set(folder, files);
    paths.set(
      photo.sha256,
      `${folder}/${uniqueName(safeName(photo.fileName, `${photo.sha256.slice(0, 12)}.jpg`), files)}`,
    );
  }
  return paths;
}
