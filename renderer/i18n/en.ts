import type { Messages } from './zh-CN';

export const en: Messages = {
  app: { name: 'Ducha', fullName: 'Ducha · Project Supervision', loading: 'Opening…' },
  nav: {
    projects: 'Projects',
    visits: 'Visits',
    issues: 'Issues',
    dashboard: 'Dashboard',
    exchange: 'Exchange',
    sync: 'Sync',
    settings: 'Settings',
  },
  language: { label: 'Language', zhCN: '简体中文', en: 'English' },
  host: { electron: 'Desktop app', browser: 'Browser host' },
  firstRun: {
    title: 'Welcome to Ducha',
    intro:
      'Ducha keeps the project ledger, site visits, issues and photos on this computer. It works without a network.',
    sampleTitle: 'Load sample campaign',
    sampleBody:
      'The Simao sewage plant phase II, the Ning’er and Jinggu landfills, low-rent housing and more, with issues at every stage and site photos — a good way to learn the app.',
    loadSample: 'Load sample campaign',
    emptyTitle: 'Start empty',
    emptyBody: 'No data at all: enter your own team’s project ledger.',
    startEmpty: 'Start empty',
    loading: 'Generating the sample campaign and saving it on this computer…',
    failed:
      'The sample campaign could not be saved: {{reason}}. Nothing on this computer was changed; you can try again.',
  },
  projects: {
    title: 'Project ledger',
    count: '{{count}} projects',
    empty: 'The ledger has no projects yet.',
    columns: {
      name: 'Project',
      category: 'Category',
      region: 'County / town',
      phase: 'Phase',
      totalInvestment: 'Total investment (10k CNY)',
      annualPlan: 'Annual plan (10k CNY)',
      completedThisYear: 'Completed this year (10k CNY)',
    },
  },
  category: {
    sewage: 'Sewage treatment',
    waste: 'Waste treatment',
    lowRentHousing: 'Low-rent housing',
    affordableHousing: 'Affordable housing',
    shantyTown: 'Shanty-town renewal',
    industrialPark: 'Industrial park infrastructure',
    industry: 'Industry',
    transport: 'Roads',
    other: 'Other',
  },
  phase: {
    preparation: 'Preparation',
    underConstruction: 'Under construction',
    continuing: 'Continuing',
    completed: 'Completed',
    operating: 'Operating',
  },
  placeholder: {
    visits: 'Site visits will be logged here: checklists, photos, findings and sign-off.',
    issues:
      'Issues will be followed here through rectification: notice, acknowledgement, fix, re-inspection, close-out.',
    dashboard: 'The dashboard will show rectification rates and rankings per county and responsible unit.',
    exchange: 'Exchange will move data by USB stick to other laptops and the office.',
    sync: 'Sync will exchange data with the central server whenever a network is available.',
    comingLater: 'This part is being built.',
    pendingOps: '{{count}} changes on this computer are waiting to be synced or exported.',
  },
  settings: {
    title: 'Settings',
    language: 'Interface language',
    storage: 'Storage on this computer',
    persisted: 'Persistent storage granted: the browser will not clear Ducha’s data when space runs low.',
    notPersisted:
      'Persistent storage not granted: the browser may clear data when space runs low. Export backups regularly.',
    persistUnknown: 'Whether storage is persistent cannot be determined.',
    usage: '{{used}} used of a {{quota}} quota',
    usageUnknown: 'Storage usage cannot be read.',
    about: 'About',
    version: 'Version',
    host: 'Running as',
    platform: 'Platform',
    dataDir: 'Data folder',
    device: 'Device id',
  },
  dbError: {
    title: 'The data on this computer cannot be opened',
    newerVersion:
      'The data was saved by a newer version of Ducha. To avoid losing any of it, this version will not open it. Install the latest Ducha and open it again.',
    blocked:
      'Another Ducha window is using an older version of the data. Close the other Ducha windows; this one will continue by itself.',
    replaced: 'Another window upgraded the data. Reload this window.',
    quota: 'The disk is too full to open the data. Free some space and reload. Nothing was changed.',
    unavailable:
      'This browser does not allow data to be stored (private mode or storage disabled). Use a normal window or the Ducha desktop app.',
    unknown:
      'Something went wrong while opening the data. Nothing was changed. Reload; if it fails again, contact support with the details below.',
    reload: 'Reload',
    detail: 'Technical details',
  },
  hostError: {
    title: 'The local service is not answering',
    body: 'Ducha’s local service did not answer: {{reason}}. Restart Ducha.',
  },
};
