// API-level settings a definition carries in x-amazon-apigateway-* extensions. With `overwrite`, AWS resets
// whatever the file does not carry, so the plan compares these with what the API has today.
import { type DefinitionDocument, isObject } from './json.js'

/** The settings an overwrite import resets when the file leaves them out, with the extension that keeps them. */
export const API_LEVEL_SETTINGS = [
  { name: 'binary media types', extension: 'x-amazon-apigateway-binary-media-types' },
  { name: 'API key source', extension: 'x-amazon-apigateway-api-key-source' },
  { name: 'minimum compression size', extension: 'x-amazon-apigateway-minimum-compression-size' },
  { name: 'resource policy', extension: 'x-amazon-apigateway-policy' },
  { name: 'endpoint configuration', extension: 'x-amazon-apigateway-endpoint-configuration' },
] as const
export type ApiLevelSetting = (typeof API_LEVEL_SETTINGS)[number]['name']

/** The API-level settings the document sets. */
export function settingsInDefinition(doc: DefinitionDocument): Set<ApiLevelSetting> {
  const set = new Set<ApiLevelSetting>()
  for (const setting of API_LEVEL_SETTINGS) {
    const value = doc.document[setting.extension]
    if (value !== undefined && value !== null && (!isObject(value) || Object.keys(value).length > 0)) {
      set.add(setting.name)
    }
  }
  return set
}
