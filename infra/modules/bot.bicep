// Azure Bot: registers the server's /api/messages with the Bot Connector service and connects it to
// Microsoft Teams.
//
// Bot type "SingleTenant" with the Entra ID app registration made by the Agents Toolkit's
// botAadApp/create (its sign-in audience is "multiple organisations"). Microsoft's current guidance
// (learn.microsoft.com/microsoftteams/platform/agents-in-teams/agent-tenancy): "SingleTenant" is a
// legacy name that does not limit the bot to one tenant; the app registration's signInAudience does.
// Schools and local authorities sit in different tenants (DESIGN.md section 5), so the bot must be
// multi-tenant, which rules out the "UserAssignedMSI" type: a managed identity lives in one tenant.
// Creating "MultiTenant" bots ended on 31 July 2025.

@description('Name of the Azure Bot resource: globally unique.')
param botName string

@description('Name shown for the bot in the Azure portal.')
param displayName string

@description('Client (application) id of the bot\'s Entra ID app registration (BOT_ID).')
param botAppId string

@description('Tenant that holds the bot\'s Entra ID app registration.')
param botAppTenantId string

@description('Host name of the web app, without scheme.')
param appHostName string

@description('F0 (free, no SLA) or S1 (SLA). Teams is a standard channel: its messages are not metered on either.')
@allowed([
  'F0'
  'S1'
])
param sku string

param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  // Azure Bot is a global service: messages pass through Microsoft's Bot Connector on their way to
  // the web app. Nothing is stored here; the data at rest is in the UK region (main.bicep).
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: 'https://${appHostName}/api/messages'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botAppTenantId
    publicNetworkAccess: 'Enabled'
    isStreamingSupported: false
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
