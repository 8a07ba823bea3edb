// How the definition is imported: AWS's PutRestApi mode and basepath parameters, always sent explicitly.

/** `overwrite`: the file is the whole truth (what it leaves out is deleted); `merge`: the file wins where it speaks. */
export const DEFINITION_MODES = ['overwrite', 'merge'] as const
export type DefinitionMode = (typeof DEFINITION_MODES)[number]

/** AWS's `basepath` import parameter: ignore the document's base path, prepend it, or split off its first segment. */
export const BASE_PATH_MODES = ['ignore', 'prepend', 'split'] as const
export type BasePathMode = (typeof BASE_PATH_MODES)[number]
