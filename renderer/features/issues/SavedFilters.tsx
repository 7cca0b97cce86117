// Named filters of the issue list: choose one to open its list, save the one in use under a name,
// delete the one in use.
import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSavedFilters } from './saved-filters-store';

interface Props {
  /** The list's query in use. */
  query: string;
  onOpen: (query: string) => void;
}

export function SavedFilters({ query, onOpen }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { filters, save, remove } = useSavedFilters();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const current = filters.find((f) => f.query === query);

  const confirm = () => {
    if (name.trim() === '') {
      setProblem(t('issue.saved.nameRequired'));
      return;
    }
    const saved = save(name, query);
    void message.success(t('issue.saved.saved', { name: saved.name }));
    setNaming(false);
  };

  return (
    <Space wrap>
      <Select<string>
        aria-label={t('issue.saved.label')}
        placeholder={t('issue.saved.label')}
        style={{ width: 200 }}
        value={current?.id}
        options={filters.map((f) => ({ value: f.id, label: f.name }))}
        onChange={(id) => {
          const chosen = filters.find((f) => f.id === id);
          if (chosen) onOpen(chosen.query);
        }}
        notFoundContent={null}
      />
      {current ? (
        <Button
          onClick={() => {
            remove(current.id);
            void message.info(t('issue.saved.removed', { name: current.name }));
          }}
        >
          {t('issue.saved.remove')}
        </Button>
      ) : (
        <Button
          disabled={query === ''}
          onClick={() => {
            setName('');
            setProblem(null);
            setNaming(true);
          }}
        >
          {t('issue.saved.save')}
        </Button>
      )}
      <Modal
        open={naming}
        title={t('issue.saved.save')}
        onCancel={() => setNaming(false)}
        onOk={confirm}
        okText={t('issue.dialog.confirm')}
        cancelText={t('issue.dialog.cancel')}
        destroyOnHidden
      >
        <Form layout="vertical" onFinish={confirm}>
          <Form.Item
            label={t('issue.saved.name')}
            htmlFor="saved-filter-name"
            validateStatus={problem ? 'error' : undefined}
            help={problem}
          >
            <Input
              id="saved-filter-name"
              autoFocus
              maxLength={40}
              placeholder={t('issue.saved.namePlaceholder')}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
