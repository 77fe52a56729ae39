import { Divider, Drawer, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Association, FrameworkItem, FrameworkVersion } from '../../api/frameworks.ts';
import { DetailList } from '../../components/DetailList.tsx';
import { Associations } from './ItemAssociations.tsx';
import { Comments } from './ItemComments.tsx';
import { ItemForm } from './ItemForm.tsx';
import { itemLabel, itemTypeTitle } from './shared.tsx';

/** One item in a side panel: its fields (editable in a draft), its links, and the design team's comments. */
export function ItemDrawer({
  version,
  item,
  items,
  associations,
  onClose,
}: {
  version: FrameworkVersion;
  item: FrameworkItem | null;
  items: FrameworkItem[];
  associations: Association[];
  onClose: () => void;
}) {
  const { t } = useTranslation('frameworks');
  const showComments = version.status === 'draft' && (version.abilities.comment || version.abilities.resolveComments);
  return (
    <Drawer.Root opened={!!item} onClose={onClose} position="right" size="lg">
      <Drawer.Overlay />
      <Drawer.Content>
        <Drawer.Header component="div">
          <Drawer.Title fw={600}>{item ? itemLabel(item) : ''}</Drawer.Title>
          <Drawer.CloseButton aria-label={t('common.close')} />
        </Drawer.Header>
        <Drawer.Body>
          {item ? (
            <Stack gap="md">
              {version.abilities.edit ? (
                <ItemForm key={item.id} version={version} item={item} />
              ) : (
                <DetailList
                  rows={[
                    [t('field.humanCode'), item.humanCode ?? t('common.none')],
                    [t('field.itemType'), item.itemType ? itemTypeTitle(t, version.itemTypes, item.itemType) : t('common.none')],
                    [t('field.fullStatement'), item.fullStatement],
                    [t('field.abbreviatedStatement'), item.abbreviatedStatement ?? t('common.none')],
                    [t('field.notes'), item.notes ?? t('common.none')],
                    [t('common.status'), item.retired ? t('item.retired') : t('common.active')],
                  ]}
                />
              )}
              <Divider />
              <Associations version={version} item={item} items={items} associations={associations} />
              {showComments ? (
                <>
                  <Divider />
                  <Comments version={version} item={item} />
                </>
              ) : null}
            </Stack>
          ) : null}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}
