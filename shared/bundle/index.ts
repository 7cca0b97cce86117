// The bundle format of the hand-over by USB (docs/bundle-format.md): what the writer and reader share.
export { isKnown, knowledgeOfOperations, mergeKnowledge, operationsBeyond } from './knowledge';
export {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  FILE_ROLES,
  MANIFEST_PATH,
  MAX_BUNDLE_FILE_BYTES,
  MAX_BUNDLE_FILES,
  MAX_MANIFEST_BYTES,
  ManifestFileSchema,
  ManifestHeadSchema,
  ManifestSchema,
  KnowledgeSchema,
  OPERATIONS_PATH,
  type FileRole,
  type Knowledge,
  type Manifest,
  type ManifestFile,
  type UnsignedManifest,
} from './manifest';
export {
  compareOperations,
  decodeOperations,
  encodeOperations,
  MAX_OPERATION_DEPTH,
  MAX_OPERATION_LINE_BYTES,
  OPERATIONS_PROBLEMS,
  operationLine,
  type DecodedOperations,
  type DecodeOptions,
  type OperationsProblem,
} from './operations-ndjson';
export { bundlePathProblem, isSafeBundlePath } from './paths';
export {
  exportPublicKey,
  generateDeviceKeys,
  isWeakPublicKey,
  signingPayload,
  signManifest,
  verifyManifestSignature,
  type DeviceKeys,
} from './signing';
export { utf8ByteLength } from './utf8-length';
export {
  BUNDLE_PROBLEM_CODES,
  MANIFEST_RULES,
  MAX_BUNDLE_TOTAL_BYTES,
  MAX_MANIFEST_DEPTH,
  verifyBundle,
  type BundleCheck,
  type BundleInput,
  type BundleProblem,
  type BundleProblemCode,
  type BundleTrust,
  type ManifestRule,
} from './verify';
export { parseStrictJson, type StrictJson } from './strict-json';
export { recordFieldProblem } from './record-fields';
