import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../common/schemas/org-units.ts';
import { useSetOrgUnitActive } from '../../api/org-units.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';

/** Confirms deactivating (or reactivating) a unit; deactivated units keep their history. */
export function OrgUnitActiveModal({ unit, onClose }: { unit: OrgUnit; onClose: () => void }) {
  const { t } = useTranslation();
  const setActive = useSetOrgUnitActive();
  const activate = !unit.active;
  return (
    <ConfirmModal
      opened
      title={activate ? t('schools.reactivateTitle', { name: unit.name }) : t('schools.deactivateTitle', { name: unit.name })}
      confirmLabel={activate ? t('common.reactivate') : t('common.deactivate')}
      danger={!activate}
      loading={setActive.isPending}
      error={setActive.error}
      onClose={onClose}
      onConfirm={() => setActive.mutate({ id: unit.id, active: activate, version: unit.version }, { onSuccess: onClose })}
    >
      {activate ? t('schools.reactivateBody') : t('schools.deactivateBody', { count: unit.staffCount })}
    </ConfirmModal>
  );
}
