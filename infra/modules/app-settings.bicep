// The web app's settings, set once the managed identity holds its roles on Cosmos DB, Storage and Key
// Vault (main.bicep passes those modules' outputs here, which orders the deployment). Secrets are Key
// Vault references that App Service resolves with the managed identity: no secret value is a setting.
// Names are the ones bot/src/config.ts reads; docs/deploy.md lists each and who reads it.

param siteName string
param hostName string
param appInsightsConnectionString string
param cosmosEndpoint string
param cosmosDatabaseId string
param blobEndpoint string
param attachmentsContainer string
param botAppId string
param botAppTenantId string
param botCredentialUri string
param tabAppClientId string
param tabAppTenantId string
param tabCredentialUri string
param allowedTenantIds string
param firstLaAdmins string

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: siteName
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    MODE: 'azure'
    NODE_ENV: 'production'
    PUBLIC_URL: 'https://${hostName}/'
    // The Agents Toolkit uploads a zip that is already built (npm ci, npm run build): run it as is.
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
    // Cosmos DB through the managed identity: there is no COSMOS_KEY (the account's keys are off).
    COSMOS_ENDPOINT: cosmosEndpoint
    COSMOS_DATABASE: cosmosDatabaseId
    BLOB_ENDPOINT: blobEndpoint
    ATTACHMENTS_CONTAINER: attachmentsContainer
    GRAPH_BASE_URL: 'https://graph.microsoft.com'
    MICROSOFT_APP_TYPE: 'SingleTenant'
    MICROSOFT_APP_ID: botAppId
    MICROSOFT_APP_TENANT_ID: botAppTenantId
    MICROSOFT_APP_PASSWORD: '@Microsoft.KeyVault(SecretUri=${botCredentialUri})'
    AAD_APP_CLIENT_ID: tabAppClientId
    AAD_APP_TENANT_ID: tabAppTenantId
    AAD_APP_ID_URI: 'api://${hostName}/${tabAppClientId}'
    AAD_APP_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${tabCredentialUri})'
    AAD_APP_OAUTH_AUTHORITY_HOST: environment().authentication.loginEndpoint
    SSO_ALLOWED_TENANTS: allowedTenantIds
    LA_ADMINS: firstLaAdmins
  }
}
