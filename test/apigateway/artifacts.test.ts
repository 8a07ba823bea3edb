// The SDK parameter check (GetSdkType) against the emulator's SDK type catalog.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkSdkParameters, missingSdkParameters } from '../../src/apigateway/artifacts.js'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { clientFor } from '../emulator/support.js'

describe('missingSdkParameters', () => {
  const type = {
    configurationProperties: [
      { name: 'constructor', required: true },
      { name: 'classPrefix', required: true },
      { name: 'optional', required: false },
    ],
  }
  it('lists the required properties not given, own keys only', () => {
    expect(missingSdkParameters(type, {})).toEqual(['constructor', 'classPrefix'])
    expect(missingSdkParameters(type, { classPrefix: 'PET', constructor: 'x' })).toEqual([])
  })
})

describe('checkSdkParameters', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startEmulator()
  })
  afterAll(async () => {
    await emu.stop()
  })

  it('passes when every required property is given; reads only GetSdkType', async () => {
    const client = clientFor(emu)
    await checkSdkParameters(client, { type: 'swift', parameters: { classPrefix: 'PET' }, file: 'x.zip' })
    await checkSdkParameters(client, { type: 'javascript', parameters: {}, file: 'x.zip' })
    expect(emu.calls.map((c) => c.operation)).toEqual(['GetSdkType', 'GetSdkType'])
  })

  it('names the input and the missing properties', async () => {
    await expect(
      checkSdkParameters(clientFor(emu), {
        type: 'android',
        parameters: { groupId: 'com.example', artifactId: 'pets' },
        file: 'x.zip',
      }),
    ).rejects.toThrow(
      "Input 'sdk-parameters': SDK type 'android' requires artifactVersion (Artifact version), invokerPackage (Invoker package), which are missing (given: groupId, artifactId).",
    )
  })
})
