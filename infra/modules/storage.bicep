// Blob Storage for attachments (advice documents, reports). No public blobs and no account keys: the
// web app's managed identity reads and writes through Entra ID (Storage Blob Data Contributor).

@description('Azure region. UK only: see main.bicep.')
param location string

@description('Storage account name: 3-24 lowercase letters and digits, globally unique.')
@minLength(3)
@maxLength(24)
param accountName string

@description('Replication. ZRS keeps three copies across UK South\'s zones; GZRS also copies to UK West.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string

@description('Days a deleted attachment stays recoverable before it is gone for good.')
@minValue(1)
@maxValue(365)
param deleteRetentionDays int

@description('Object id of the web app\'s managed identity.')
param appPrincipalId string

@description('Log Analytics workspace that receives the audit logs.')
param workspaceId string

param tags object

@description('Defender for Storage: the most GB of uploads scanned for malware each month (then scanning pauses until the next month).')
@minValue(1)
param malwareScanningCapGBPerMonth int = 50

// Built-in "Storage Blob Data Contributor". Given on the account, not the container, because the
// server also asks for user delegation keys (short-lived download links), which is an account action.
var blobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: accountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    // Reachable from the internet, but only with an Entra ID token that holds a data role (shared
    // keys are off). Private endpoints are not set up yet: see docs/deploy.md.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: true
      services: {
        blob: {
          enabled: true
          keyType: 'Account'
        }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    // Abandoning a review deletes its attachments for good (DESIGN.md section 2): soft delete keeps
    // them recoverable from mistakes for this many days only, the same window as the Cosmos DB backup.
    deleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
  }
}

resource attachments 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: 'attachments'
  properties: {
    publicAccess: 'None'
  }
}

// Malware scanning on upload (Microsoft Defender for Storage). Where it fits: the server stores an
// upload's bytes here only after checking its type by content and who may attach it
// (bot/src/caseload/attachments.ts); Defender then scans each new blob in Azure, near real time, and
// writes its verdict to the blob's index tag "Malware Scanning scan result" ("No threats found" or
// "Malicious") and to Log Analytics. The bytes never leave the account for the scan. A download that
// should wait for a clean verdict reads that tag (it needs the blob tags read permission, which
// "Storage Blob Data Contributor" lacks: grant "Storage Blob Data Owner" or a custom role then).
// Locally, Azurite has no scanner: only the content-type check applies.
resource defenderForStorage 'Microsoft.Security/defenderForStorageSettings@2022-12-01-preview' = {
  name: 'current'
  scope: account
  properties: {
    isEnabled: true
    overrideSubscriptionLevelSettings: true
    malwareScanning: {
      onUpload: {
        isEnabled: true
        capGBPerMonth: malwareScanningCapGBPerMonth
      }
    }
    sensitiveDataDiscovery: {
      isEnabled: false
    }
  }
}

resource appBlobDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appPrincipalId, blobDataContributorRoleId)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributorRoleId)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: blobService
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'StorageRead'
        enabled: true
      }
      {
        category: 'StorageWrite'
        enabled: true
      }
      {
        category: 'StorageDelete'
        enabled: true
      }
    ]
  }
}

output blobEndpoint string = account.properties.primaryEndpoints.blob
output attachmentsContainer string = attachments.name
