import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';

/** Placeholder until this page is built (issue 4). */
export default function ObservationPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('nav.observations')} />;
}
