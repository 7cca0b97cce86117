// Importing the team's lists (counties, towns, units, people) from one workbook, and the project
// import's offer to add the names a list gives that the lists lack.
import type { ListsMessages } from './lists.zh-CN';

export const listsEn: ListsMessages = {
  additions: {
    title: 'These names are not in your lists yet; they will be added with the projects:',
    regions: 'New counties/towns: {{names}}',
    units: 'New units: {{names}}',
    restored: 'Retired names that will be restored (not added again): {{names}}',
    separator: ', ',
    hint: 'Check them, then choose “Add them and import”. If a name is wrong, go back, correct the file and choose it again.',
    accept: 'Add them and import',
  },
  import: {
    button: 'Import lists',
    template: 'Download template',
    templateFile: 'lists-template.xlsx',
    templateSaved: 'Template saved',
    templateFailed: 'The template could not be saved: {{reason}}',
    title: 'Import lists from Excel',
    intro:
      'The workbook needs the sheets 县区乡镇 (counties and towns), 责任单位 (units) and 人员 (people) with the template’s headers. Names already on your lists are skipped.',
    chooseFile: 'Choose the lists file (.xlsx)',
    willAdd: 'Will be added',
    skipped: 'Already on your lists, skipped',
    regions: 'Counties/towns ({{count}})',
    units: 'Units ({{count}})',
    people: 'People ({{count}})',
    nothing: 'Every name in the file is already on your lists; nothing to add.',
    confirm: 'Add to lists',
    cancel: 'Cancel',
    added: 'Added to your lists: {{regions}} counties/towns, {{units}} units, {{people}} people',
    failed: 'The lists were not imported and are unchanged: {{reason}}',
    refused: '“{{file}}” cannot be imported. Correct it and choose it again:',
  },
};
