// The API diff's pre-pass (src/diff/reduce.ts): which operations it leaves out, and that the diff with it equals the
// full diff (fullApiDiff) in each case where leaving something out could go wrong.
import { describe, expect, it } from 'vitest'
import { diffApiDefinitions, fullApiDiff } from '../../src/diff/api-diff.js'
import { normalizeDefinition } from '../../src/diff/normalize.js'
import { reduceDefinitions } from '../../src/diff/reduce.js'
import { largeApi, largeApiEverythingChanged } from '../fixtures/openapi/large-api.js'
import { petsApiSummary, petsOas30, petsSwagger } from '../fixtures/openapi/pets-api.js'
import type { Doc } from './golden/case.js'

/** The operations the library still gets on each side (`GET /pets`), or undefined when the pre-pass stands aside. */
function compared(before: object | undefined, after: object | undefined): [string[], string[]] | undefined {
  const reduced = reduceDefinitions(normalizeDefinition(before, false).doc, normalizeDefinition(after, false).doc)
  if (reduced === undefined) return undefined
  const list = (doc: Doc) =>
    Object.entries(doc.paths as Doc).flatMap(([path, item]) =>
      Object.keys(item as Doc).map((method) => `${method.toUpperCase()} ${path}`),
    )
  return [list(reduced.before), list(reduced.after)]
}

/** The diff with the pre-pass, checked against the full diff of copies (shared objects stay shared). */
function diffBoth(before: object | undefined, after: object | undefined) {
  const [b, a] = structuredClone([before, after])
  const diff = diffApiDefinitions(before, after)
  expect(diff).toEqual(fullApiDiff(b, a))
  return diff
}

const changed = (change: (doc: Doc) => void, base: () => Doc = petsOas30): Doc => {
  const doc = base()
  change(doc)
  return doc
}

describe('the pre-pass leaves out equal operations', () => {
  it('keeps only the changed operation', () => {
    const after = changed((d) => {
      d.paths['/pets'].get.parameters[0].required = true
    })
    expect(compared(petsOas30(), after)).toEqual([['GET /pets'], ['GET /pets']])
    expect(diffBoth(petsOas30(), after).changed.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /pets'])
  })

  it('keeps the operations that reference a changed schema, directly or through other schemas', () => {
    const after = changed((d) => {
      d.components.schemas.Pet.properties.id = { type: 'string' }
    })
    // GET /pets/{petId} returns Pet; GET /pets and the owner's pets return Pets (items: Pet); POST /pets returns
    // NewPetResponse (pet: Pet).
    const kept = compared(petsOas30(), after)?.[0]
    expect(kept).toContain('GET /pets/{petId}')
    expect(kept).toContain('GET /pets')
    expect(kept).toContain('GET /owners/{ownerId}/pets')
    expect(kept).not.toContain('DELETE /pets/{petId}')
    expect(diffBoth(petsOas30(), after).counts.changed).toBeGreaterThan(0)
  })

  it('keeps an operation whose schema reaches a changed one through a chain of components', () => {
    const withOwner = (type: string) =>
      changed((d) => {
        d.components.schemas.Owner = { type: 'object', properties: { name: { type } } }
        d.components.schemas.Pet.properties.owner = { $ref: '#/components/schemas/Owner' }
      })
    // Owner ← Pet ← Pets ← GET /pets; Owner ← Pet ← NewPetResponse ← POST /pets.
    expect(compared(withOwner('string'), withOwner('integer'))?.[0]).toEqual([
      'GET /pets',
      'POST /pets',
      'GET /pets/{petId}',
      'GET /owners/{ownerId}/pets',
    ])
    expect(diffBoth(withOwner('string'), withOwner('integer')).counts.changed).toBe(4)
  })

  it('keeps the operations of a path whose path-level parameters change', () => {
    const header = { name: 'X-Trace', in: 'header', required: true, schema: { type: 'string' } }
    const before = changed((d) => {
      d.paths['/pets/{petId}'].parameters = [header]
    })
    const after = changed((d) => {
      d.paths['/pets/{petId}'].parameters = [{ ...header, required: false }]
    })
    // OPTIONS /pets shares its CORS headers object with OPTIONS /pets/{petId} (as a YAML alias would): kept with it.
    const kept = ['OPTIONS /pets', 'GET /pets/{petId}', 'DELETE /pets/{petId}', 'OPTIONS /pets/{petId}']
    expect(compared(before, after)).toEqual([kept, kept])
    expect(diffBoth(before, after).changed.every((c) => c.path === '/pets/{petId}')).toBe(true)
  })

  it('leaves every operation out when only the document-level security changes, and reports that change', () => {
    const after = changed((d) => {
      d.security = [{ sigv4: [] }]
    })
    expect(compared(petsOas30(), after)).toEqual([[], []])
    expect(diffBoth(petsOas30(), after).apiLevel).not.toEqual([])
  })

  it('works on Swagger 2.0 inputs, converted first', () => {
    const after = changed((d) => {
      d.paths['/pets'].get['x-amazon-apigateway-integration'].uri = 'https://other.example.com'
    }, petsSwagger)
    expect(compared(petsSwagger(), after)).toEqual([['GET /pets'], ['GET /pets']])
    expect(diffBoth(petsSwagger(), after).changed).toHaveLength(1)
  })

  it('keeps a path whose parameter is renamed whole, as the library matches it by template', () => {
    const after = changed((d) => {
      const item = d.paths['/pets/{petId}']
      delete d.paths['/pets/{petId}']
      for (const op of Object.values(item) as Doc[]) for (const p of op.parameters ?? []) p.name = 'id'
      d.paths['/pets/{id}'] = item
    })
    expect(compared(petsOas30(), after)).toEqual([
      ['OPTIONS /pets', 'GET /pets/{petId}', 'DELETE /pets/{petId}', 'OPTIONS /pets/{petId}'],
      ['OPTIONS /pets', 'GET /pets/{id}', 'DELETE /pets/{id}', 'OPTIONS /pets/{id}'],
    ])
    diffBoth(petsOas30(), after)
  })

  it('keeps an added and a removed operation', () => {
    const after = changed((d) => {
      d.paths['/pets'].put = { responses: { '200': { description: 'ok' } } }
      delete d.paths['/owners/{ownerId}/pets'].get
    })
    expect(compared(petsOas30(), after)).toEqual([['GET /owners/{ownerId}/pets'], ['PUT /pets']])
    const diff = diffBoth(petsOas30(), after)
    expect(diff.added.map((r) => `${r.method} ${r.path}`)).toEqual(['PUT /pets'])
    expect(diff.removed.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /owners/{ownerId}/pets'])
  })

  it('treats an empty content as none, as the full diff does', () => {
    const after = changed((d) => {
      d.paths['/pets'].get.responses['200'].content = {}
    })
    const before = changed((d) => {
      delete d.paths['/pets'].get.responses['200'].content
    })
    expect(compared(before, after)).toEqual([[], []])
    expect(diffBoth(before, after).identical).toBe(true)
  })

  it('compares apiSummary maps too', () => {
    const after = petsApiSummary() as Doc
    after['/pets'].GET = { authorizationType: 'AWS_IAM', apiKeyRequired: false }
    expect(compared(petsApiSummary(), after)).toEqual([['GET /pets'], ['GET /pets']])
    diffBoth(petsApiSummary(), after)
  })
})

describe('the pre-pass keeps what the diff library would report or fail on', () => {
  it('keeps an equal operation the library fails on, so the diff falls back as the full diff does', () => {
    const withObjectEnum = (d: Doc) => {
      d.paths['/'].get.parameters = [{ name: 'q', in: 'query', schema: { type: 'string', enum: { a: 1 } } }]
    }
    const before = changed(withObjectEnum)
    const after = changed((d) => {
      withObjectEnum(d)
      d.paths['/pets'].get.parameters[0].required = true
    })
    expect(compared(before, after)?.[0]).toContain('GET /')
    expect(diffBoth(before, after).engine).toBe('structural')
  })

  it('keeps equal operations whose content the library reports anyway', () => {
    const quirks = (d: Doc) => {
      d.paths['/'].get.tags = ['a', 'a']
      d.paths['/pets/{petId}'].get.responses['200'].content['application/json; charset=utf-8'] = {}
    }
    const after = changed((d) => {
      quirks(d)
      d.paths['/pets'].post.security = []
    })
    const kept = compared(changed(quirks), after)?.[0]
    expect(kept).toEqual(expect.arrayContaining(['GET /', 'GET /pets/{petId}', 'POST /pets']))
    diffBoth(changed(quirks), after)
  })

  it('keeps an operation that shares an object with a compared one', () => {
    const share = (d: Doc) => {
      d.paths['/pets/{petId}'].delete.parameters = d.paths['/pets/{petId}'].get.parameters
    }
    const after = changed((d) => {
      share(d)
      d.paths['/pets/{petId}'].get.parameters[0].schema = { type: 'integer' }
    })
    const kept = compared(changed(share), after)?.[0]
    expect(kept).toEqual(expect.arrayContaining(['GET /pets/{petId}', 'DELETE /pets/{petId}']))
    diffBoth(changed(share), after)
  })

  it('stands aside for values that are not plain JSON and references it cannot follow', () => {
    const oddities: Array<(d: Doc) => void> = [
      (d) => {
        d.paths['/'].get['x-note'] = Number.NaN
      },
      (d) => {
        d.paths['/'].get['x-released'] = new Date(0)
      },
      (d) => {
        d.paths['/'].get.requestBody = { $ref: '#/paths/~1pets/post/requestBody' }
      },
      (d) => {
        const schema: Doc = { type: 'object' }
        schema.properties = { self: schema }
        d.components.schemas.Loop = schema
      },
    ]
    for (const odd of oddities) {
      const after = changed((d) => {
        odd(d)
        d.paths['/pets'].get.parameters[0].required = true
      })
      expect(compared(changed(odd), after)).toBeUndefined()
    }
    for (const odd of oddities.slice(0, 3)) diffBoth(changed(odd), changed(odd))
  })

  it('stands aside when most operations changed', () => {
    expect(compared(largeApi(20), largeApiEverythingChanged(20))).toBeUndefined()
    diffBoth(largeApi(20), largeApiEverythingChanged(20))
  })

  it('does not change its inputs', () => {
    const before = petsOas30()
    const after = changed((d) => {
      d.paths['/pets'].get.parameters[0].schema.type = 'integer'
      d.components.schemas.Pet.required = ['id']
    })
    const copies = structuredClone([before, after])
    diffApiDefinitions(before, after)
    expect([before, after]).toEqual(copies)
  })
})
