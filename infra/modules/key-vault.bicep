// Key Vault for the two secrets the server needs (the bot's client secret and the tab app's client
// secret for the on-behalf-of flow). RBAC only, soft delete and purge protection on; the web app's
// managed identity may read secrets (Key Vault Secrets User) and App Service resolves them through
// Key Vault references, so no secret value is ever an app setting.

@description('Azure region. UK only: see main.bicep.')
param location string

@description('Key Vault name: 3-24 letters, digits and hyphens, globally unique.')
@minLength(3)
@maxLength(24)
param vaultName string

@description('Object id of the web app\'s managed identity.')
param appPrincipalId string

@secure()
@description('Client secret of the bot\'s Entra ID app registration.')
param botAppPassword string

@secure()
@description('Client secret of the tab\'s Entra ID app registration (Teams SSO on-behalf-of).')
param tabAppClientSecret string

@description('Log Analytics workspace that receives the audit logs.')
param workspaceId string

param tags object

// Built-in "Key Vault Secrets User": read secret values, nothing else.
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Once on, it cannot be turned off; a deleted vault's name stays taken for the retention days.
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    // Reachable from the internet, but only with an Entra ID token that holds a role on the vault.
    // Private endpoints are not set up yet: see docs/deploy.md.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

// Written through Azure Resource Manager by the deployment; the values come from the Agents
// Toolkit's env/.env.<env>.user file and never appear in an app setting or an output.
resource botAppPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-app-password'
  properties: {
    value: botAppPassword
    contentType: 'Entra ID client secret of the bot app registration'
  }
}

resource tabAppClientSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'tab-app-client-secret'
  properties: {
    value: tabAppClientSecret
    contentType: 'Entra ID client secret of the tab app registration'
  }
}

resource appSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, secretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource vaultDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AuditEvent'
        enabled: true
      }
    ]
  }
}

// Versionless URIs: App Service picks up a rotated secret without a redeployment.
output botCredentialUri string = botAppPasswordSecret.properties.secretUri
output tabCredentialUri string = tabAppClientSecretSecret.properties.secretUri
