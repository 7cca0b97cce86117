// 导出导入: hand-over by USB. Export to a stick or folder, import from one, and the receipts of imports.
import { Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DeviceCard } from './DeviceCard';
import { ExportPanel } from './export/ExportPanel';
import { ImportPanel } from './import/ImportPanel';
import { ReceiptsPanel } from './ReceiptsPanel';
import { ReadAction } from '../../ui/ReadAction';

const TABS = ['export', 'import', 'receipts'] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string | null): value is Tab => TABS.includes(value as Tab);

export function ExchangePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = isTab(params.get('tab')) ? (params.get('tab') as Tab) : 'export';
  const panels: Record<Tab, React.ReactNode> = {
    // Exporting to a folder and reading the receipts only read records, so a leader may; importing writes.
    export: (
      <ReadAction>
        <ExportPanel />
      </ReadAction>
    ),
    import: <ImportPanel />,
    receipts: (
      <ReadAction>
        <ReceiptsPanel />
      </ReadAction>
    ),
  };
  return (
    <section aria-labelledby="exchange-title">
      <Typography.Title level={3} id="exchange-title">
        {t('exchange.title')}
      </Typography.Title>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('exchange.intro')}</Typography.Paragraph>
        <DeviceCard />
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={TABS.map((key) => ({ key, label: t(`exchange.tabs.${key}`), children: panels[key] }))}
        />
      </Space>
    </section>
  );
}
