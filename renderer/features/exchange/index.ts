// The exchange feature's public face for other features: the words it gives a record's fields and
// values (the Conflicts page names them as the import preview does). Its page is loaded by the routes.
export { fieldLabel, valueText } from './import/change-text';
