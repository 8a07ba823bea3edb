// The SDK types GetSdkTypes / GetSdkType describe. The `required` flags follow the service model's
// GetSdkRequest documentation (javascript: none; android: groupId, artifactId, artifactVersion,
// invokerPackage; java: serviceName, javaPackageName; objectivec and swift: classPrefix; ruby: none marked
// required). Optional property names (java build settings, ruby gem settings) and every friendlyName and
// description are the emulator's wording: no real GetSdkTypes answer was recorded.

export interface SdkConfigurationProperty {
  name: string
  friendlyName: string
  description: string
  required: boolean
  defaultValue?: string
}

export interface SdkTypeDescription {
  id: string
  friendlyName: string
  description: string
  configurationProperties: SdkConfigurationProperty[]
}

const prop = (
  name: string,
  friendlyName: string,
  description: string,
  required: boolean,
  defaultValue?: string,
): SdkConfigurationProperty => ({
  name,
  friendlyName,
  description,
  required,
  ...(defaultValue === undefined ? {} : { defaultValue }),
})

/** In the order GetSdkTypes lists them. */
export const SDK_TYPES: readonly SdkTypeDescription[] = [
  {
    id: 'android',
    friendlyName: 'Android',
    description: 'Generated SDK for the Android platform.',
    configurationProperties: [
      prop('groupId', 'Group ID', 'The group id of the generated artifact, e.g. com.mycompany', true),
      prop('artifactId', 'Artifact ID', 'The name of the compiled jar, e.g. aws-apigateway-api-sdk', true),
      prop('artifactVersion', 'Artifact version', 'The version of the generated artifact, e.g. 1.0.0', true),
      prop('invokerPackage', 'Invoker package', 'The Java package of the generated client classes.', true),
    ],
  },
  {
    id: 'java',
    friendlyName: 'Java',
    description: 'Generated SDK for the Java platform.',
    configurationProperties: [
      prop('serviceName', 'Service Name', 'The name of the service, e.g. PetStore', true),
      prop('javaPackageName', 'Java Package Name', 'The Java package the generated code is placed in.', true),
      prop('javaBuildSystem', 'Java Build System', "The build system of the SDK: 'maven' or 'gradle'.", false, 'maven'),
      prop('javaGroupId', 'Java Group Id', 'The Maven group id.', false),
      prop('javaArtifactId', 'Java Artifact Id', 'The Maven artifact id.', false),
      prop('javaArtifactVersion', 'Java Artifact Version', 'The Maven artifact version.', false),
      prop('licenseText', 'Source Code License Text', 'The license text added to every generated source file.', false),
    ],
  },
  {
    id: 'javascript',
    friendlyName: 'JavaScript',
    description: 'Generated SDK for the JavaScript platform.',
    configurationProperties: [],
  },
  {
    id: 'objectivec',
    friendlyName: 'iOS (Objective-C)',
    description: 'Generated SDK for the iOS platform in Objective-C.',
    configurationProperties: [prop('classPrefix', 'Prefix', 'The prefix of the generated class names, e.g. SVC', true)],
  },
  {
    id: 'ruby',
    friendlyName: 'Ruby',
    description: 'Generated SDK for the Ruby platform.',
    configurationProperties: [
      prop('service.name', 'Service Name', 'The name of the service, e.g. PetStore', false),
      prop('ruby.gem-name', 'Ruby Gem Name', 'The name of the generated gem.', false),
      prop('ruby.gem-version', 'Ruby Gem Version', 'The version of the generated gem.', false, '1.0.0'),
    ],
  },
  {
    id: 'swift',
    friendlyName: 'iOS (Swift)',
    description: 'Generated SDK for the iOS platform in Swift.',
    configurationProperties: [prop('classPrefix', 'Prefix', 'The prefix of the generated class names, e.g. SVC', true)],
  },
]

export function findSdkType(id: string): SdkTypeDescription | undefined {
  return SDK_TYPES.find((t) => t.id === id)
}

/** Names of the properties GetSdk insists on. */
export function requiredSdkParameters(type: SdkTypeDescription): string[] {
  return type.configurationProperties.filter((p) => p.required).map((p) => p.name)
}
