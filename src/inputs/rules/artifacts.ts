// Rules for the files the run writes: the exported API definition and the generated SDK.
import { quoteList, shorten } from '../../lib/text.js'
import { EXPORT_TYPES, SDK_REQUIRED_PARAMETERS, SDK_TYPES } from '../../model/vocabulary.js'
import { formatOfFile } from '../locations.js'
import { problem, type Rule, refuseGiven } from './rule.js'

/** Export type and file go together; format and extensions need a type; a format must match the file's extension. */
export const exportComplete: Rule = (context) => {
  const { given, values } = context
  if (!given('export-type')) {
    return refuseGiven(
      context,
      ['export-format', 'export-extensions', 'export-file'],
      (name) => `Input '${name}' needs 'export-type' (${quoteList(EXPORT_TYPES)}).`,
    )
  }
  if (!given('export-file')) {
    return [
      problem('export-type', "Input 'export-type' needs 'export-file' (the path to write the API definition to)."),
    ]
  }
  const { 'export-type': type, 'export-file': file, 'export-format': format } = values
  if (type === undefined || file === undefined || format === undefined) return []
  const byExtension = formatOfFile(file)
  if (byExtension === undefined || format === byExtension) return []
  return [
    problem(
      'export-format',
      `Input 'export-format' is '${format}' but 'export-file' ${shorten(file)} has a ${byExtension} extension; make them agree.`,
    ),
  ]
}

/** SDK type and file go together; parameters need a type and must include those API Gateway requires. */
export const sdkComplete: Rule = (context) => {
  const { given, invalid, values } = context
  if (!given('sdk-type')) {
    return refuseGiven(
      context,
      ['sdk-parameters', 'sdk-file'],
      (name) => `Input '${name}' needs 'sdk-type' (${quoteList(SDK_TYPES)}).`,
    )
  }
  if (!given('sdk-file')) {
    return [problem('sdk-type', "Input 'sdk-type' needs 'sdk-file' (the path to write the SDK zip to).")]
  }
  const { 'sdk-type': type, 'sdk-file': file } = values
  if (type === undefined || file === undefined || invalid('sdk-parameters')) return []
  const parameters = values['sdk-parameters'] ?? {}
  const missing = SDK_REQUIRED_PARAMETERS[type].filter((name) => !Object.hasOwn(parameters, name))
  if (missing.length === 0) return []
  return [
    problem(
      'sdk-parameters',
      `Input 'sdk-parameters' must set ${quoteList(missing)} for sdk-type '${type}' (required by API Gateway), e.g. '${missing[0]}=…'.`,
    ),
  ]
}

export const exportAndSdkFilesDiffer: Rule = ({ values }) => {
  const { 'export-file': exportFile, 'sdk-file': sdkFile } = values
  if (exportFile === undefined || sdkFile === undefined || exportFile !== sdkFile) return []
  return [
    problem('sdk-file', `Input 'sdk-file' is the same file as 'export-file' (${shorten(sdkFile)}); use two files.`),
  ]
}
