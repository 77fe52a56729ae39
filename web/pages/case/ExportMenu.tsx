import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { exportUrl } from '../../api/case.ts';

/** Downloads of a version: CASE 1.1 JSON, Excel and CSV (any version the reader may open). */
export function ExportMenu({ versionId }: { versionId: string }) {
  const { t, i18n } = useTranslation('case');
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default">{t('export.button')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={exportUrl(versionId, 'case')} download>
          {t('export.case')}
        </Menu.Item>
        <Menu.Item component="a" href={exportUrl(versionId, 'xlsx', i18n.language)} download>
          {t('export.xlsx')}
        </Menu.Item>
        <Menu.Item component="a" href={exportUrl(versionId, 'csv')} download>
          {t('export.csv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export default ExportMenu;
