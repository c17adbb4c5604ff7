/**
 * Values the Agents Toolkit would have in env/.env.dev (and .env.dev.user) after a provision: made up,
 * in the right shapes (GUIDs, the web app's host name), to fill the files' placeholders as it does.
 */
export function provisionedEnvironment(
  overrides: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const host = 'ehc1a2b3c.azurewebsites.net';
  return {
    TEAMSFX_ENV: 'dev',
    APP_NAME_SUFFIX: 'dev',
    RESOURCE_SUFFIX: '1a2b3c',
    AZURE_SUBSCRIPTION_ID: '00000000-0000-4000-8000-000000000001',
    AZURE_RESOURCE_GROUP_NAME: 'rg-ehc-review-hub-dev',
    TEAMS_APP_ID: '00000000-0000-4000-8000-000000000002',
    TEAMS_APP_TENANT_ID: '00000000-0000-4000-8000-000000000003',
    AAD_APP_CLIENT_ID: '00000000-0000-4000-8000-000000000004',
    AAD_APP_OBJECT_ID: '00000000-0000-4000-8000-000000000005',
    AAD_APP_TENANT_ID: '00000000-0000-4000-8000-000000000003',
    AAD_APP_ACCESS_AS_USER_PERMISSION_ID: '00000000-0000-4000-8000-000000000006',
    BOT_ID: '00000000-0000-4000-8000-000000000007',
    SECRET_BOT_PASSWORD: 'not-a-secret-bot',
    SECRET_AAD_APP_CLIENT_SECRET: 'not-a-secret-tab',
    TAB_DOMAIN: host,
    TAB_ENDPOINT: `https://${host}`,
    AZURE_APP_SERVICE_RESOURCE_ID: `/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/rg-ehc-review-hub-dev/providers/Microsoft.Web/sites/ehc1a2b3c`,
    ...overrides,
  };
}
