// EHC Review Hub: the Azure resources for one environment (docs/deploy.md says what each is for).
// Deployed into a resource group by the Agents Toolkit's arm/deploy step (teamsapp.yml), with the
// values in main.parameters.json; the outputs are written to env/.env.<env> for the later steps.
//
//   App Service plan + Linux web app (Node 24 LTS) ... the server: bot, REST API, tab, jobs
//   Azure Bot + Teams channel ........................ routes Teams activities to /api/messages
//   Cosmos DB for NoSQL .............................. case files, setting index, audit log, people
//   Storage account (blob container "attachments") .. advice documents and reports
//   Key Vault ........................................ the two client secrets
//   Log Analytics + Application Insights ............. telemetry and audit logs
//
// No account keys anywhere: the web app's system-assigned managed identity holds data-plane roles on
// Cosmos DB, Storage and Key Vault, and secrets reach the app as Key Vault references.

targetScope = 'resourceGroup'

@description('Prefix of every resource name: 4-20 lowercase letters and digits (the toolkit appends a random suffix).')
@minLength(4)
@maxLength(20)
param resourceBaseName string

// Children's personal data stays in the UK: every regional resource goes to UK South (or UK West),
// whatever the resource group's own region is. Azure Bot is global and stores nothing (bot.bicep).
@description('Azure region for every regional resource. UK regions only: the data is children\'s personal data.')
@allowed([
  'uksouth'
  'ukwest'
])
param location string = 'uksouth'

@description('App Service plan SKU: B1 for a pilot; P0v3 or larger for more instances and autoscale.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServicePlanSku string = 'B1'

@description('Azure Bot SKU: F0 (free, no SLA) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Name shown for the bot in the Azure portal.')
param botDisplayName string = 'EHC Review Hub'

@description('Client id of the bot\'s Entra ID app registration (BOT_ID, from botAadApp/create).')
param botAppId string

@description('Tenant of the bot\'s and the tab\'s Entra ID app registrations (AAD_APP_TENANT_ID, from aadApp/create).')
param appRegistrationTenantId string

@secure()
@description('Client secret of the bot\'s app registration (SECRET_BOT_PASSWORD). Stored in Key Vault only.')
param botAppPassword string

@description('Client id of the tab\'s Entra ID app registration for Teams SSO (AAD_APP_CLIENT_ID, from aadApp/create).')
param tabAppClientId string

@secure()
@description('Client secret of the tab\'s app registration (SECRET_AAD_APP_CLIENT_SECRET). Stored in Key Vault only.')
param tabAppClientSecret string

@description('Tenant ids whose users may sign in and whose Teams may reach the bot, comma-separated: the LA\'s and its schools\' (SSO_ALLOWED_TENANTS). Empty: the app registration\'s tenant alone.')
param allowedTenantIds string = ''

@description('The first admin of each LA, laCode:email pairs, comma-separated (LA_ADMINS), e.g. 860:ann.officer@staffordshire.gov.uk. Named only while the LA has no admin.')
param firstLaAdmins string = ''

@description('Highest RU/s the Cosmos DB database autoscales to; it bills from a tenth of this.')
@minValue(1000)
param cosmosMaxThroughput int = 1000

@description('Spread Cosmos DB over the region\'s availability zones (costs more).')
param cosmosZoneRedundant bool = false

@description('Attachment storage replication: ZRS stays in UK South; GZRS also copies to UK West (still in the UK).')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_ZRS'

@description('Days a deleted attachment stays recoverable (Cosmos DB point-in-time restore covers 7 days).')
@minValue(1)
@maxValue(365)
param attachmentDeleteRetentionDays int = 7

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Tags put on every resource.')
param tags object = {
  application: 'ehc-review-hub'
}

var baseName = toLower(resourceBaseName)

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: '${baseName}-logs'
    appInsightsName: '${baseName}-insights'
    retentionInDays: logRetentionDays
    tags: tags
  }
}

module app 'modules/app-service.bicep' = {
  name: 'app-service'
  params: {
    location: location
    planName: '${baseName}-plan'
    siteName: baseName
    planSku: appServicePlanSku
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    accountName: '${baseName}-cosmos'
    maxThroughput: cosmosMaxThroughput
    zoneRedundant: cosmosZoneRedundant
    appPrincipalId: app.outputs.principalId
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    accountName: take('${replace(baseName, '-', '')}files', 24)
    skuName: storageSku
    deleteRetentionDays: attachmentDeleteRetentionDays
    appPrincipalId: app.outputs.principalId
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    location: location
    vaultName: '${baseName}-kv'
    appPrincipalId: app.outputs.principalId
    botAppPassword: botAppPassword
    tabAppClientSecret: tabAppClientSecret
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    botName: '${baseName}-bot'
    displayName: botDisplayName
    botAppId: botAppId
    botAppTenantId: appRegistrationTenantId
    appHostName: app.outputs.defaultHostName
    sku: botSku
    tags: tags
  }
}

module appSettings 'modules/app-settings.bicep' = {
  name: 'app-settings'
  params: {
    siteName: app.outputs.name
    hostName: app.outputs.defaultHostName
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabaseId: cosmos.outputs.databaseId
    blobEndpoint: storage.outputs.blobEndpoint
    attachmentsContainer: storage.outputs.attachmentsContainer
    botAppId: botAppId
    botAppTenantId: appRegistrationTenantId
    botCredentialUri: keyVault.outputs.botCredentialUri
    tabAppClientId: tabAppClientId
    tabAppTenantId: appRegistrationTenantId
    tabCredentialUri: keyVault.outputs.tabCredentialUri
    allowedTenantIds: allowedTenantIds
    firstLaAdmins: firstLaAdmins
  }
}

// Written by the toolkit to env/.env.<env>; manifest/manifest.json, infra/aad.manifest.json and the
// deploy step read them. None is a secret.
output AZURE_APP_SERVICE_RESOURCE_ID string = app.outputs.id
output TAB_DOMAIN string = app.outputs.defaultHostName
output TAB_ENDPOINT string = 'https://${app.outputs.defaultHostName}'
output BOT_AZURE_RESOURCE_NAME string = bot.outputs.name
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
