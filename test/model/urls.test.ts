import { describe, expect, it } from 'vitest'
import { consoleUrl, customDomainUrl, stageArn, stageBaseUrl } from '../../src/model/urls.js'

describe('stage URLs by partition', () => {
  it.each([
    ['us-east-1', 'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod'],
    ['eu-central-1', 'https://a1b2c3d4e5.execute-api.eu-central-1.amazonaws.com/prod'],
    ['cn-north-1', 'https://a1b2c3d4e5.execute-api.cn-north-1.amazonaws.com.cn/prod'],
    ['cn-northwest-1', 'https://a1b2c3d4e5.execute-api.cn-northwest-1.amazonaws.com.cn/prod'],
    ['us-gov-west-1', 'https://a1b2c3d4e5.execute-api.us-gov-west-1.amazonaws.com/prod'],
  ])('%s', (region, url) => {
    expect(stageBaseUrl('a1b2c3d4e5', region, 'prod')).toBe(url)
  })

  it('builds ARNs and console links in the right partition', () => {
    expect(stageArn('us-east-1', 'a1b2c3d4e5', 'prod')).toBe(
      'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod',
    )
    expect(stageArn('cn-north-1', 'a1b2c3d4e5', 'prod')).toBe(
      'arn:aws-cn:apigateway:cn-north-1::/restapis/a1b2c3d4e5/stages/prod',
    )
    expect(stageArn('us-gov-east-1', 'x', 's')).toMatch(/^arn:aws-us-gov:/)
    expect(consoleUrl('a1b2c3d4e5', 'eu-west-1', 'pr-1')).toMatch(
      /^https:\/\/eu-west-1\.console\.aws\.amazon\.com\/apigateway\//,
    )
    expect(consoleUrl('a1b2c3d4e5', 'cn-north-1', 'pr-1')).toMatch(/^https:\/\/console\.amazonaws\.cn\//)
  })

  it('maps (none) to the domain root', () => {
    expect(customDomainUrl('api.example.com', '(none)')).toBe('https://api.example.com/')
    expect(customDomainUrl('api.example.com', 'v1')).toBe('https://api.example.com/v1')
  })
})
