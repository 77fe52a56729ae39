import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Badge, Box, Checkbox, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkItem, FrameworkVersion } from '../../api/frameworks.ts';
import { formatNumber } from '../../app/format.ts';
import { useIsPhone } from '../../app/responsive.ts';
import { itemLabel, itemTypeTitle } from './shared.tsx';

/** What a row can ask the page to do. */
export interface TreeActions {
  open: (item: FrameworkItem) => void;
  addChild: (item: FrameworkItem) => void;
  addSibling: (item: FrameworkItem) => void;
  /** Puts the item under `parentId` at `position` among its new siblings. */
  move: (item: FrameworkItem, parentId: string | null, position: number) => void;
  split: (item: FrameworkItem) => void;
  retire: (item: FrameworkItem) => void;
  remove: (item: FrameworkItem) => void;
}

interface TreeProps {
  version: FrameworkVersion;
  /** Children of each parent, sorted (null: top level). */
  tree: Map<string | null, FrameworkItem[]>;
  byId: Map<string, FrameworkItem>;
  editable: boolean;
  actions: TreeActions;
  selecting: boolean;
  selected: Set<string>;
  onToggleSelect: (id: string) => void;
  /** Items whose children are hidden. */
  collapsed: Set<string>;
  onToggleCollapsed: (id: string) => void;
  /** The item whose actions button takes the focus after a move (keyboard users keep their place). */
  focusId: string | null;
  onFocused: () => void;
}

/** The framework's items as nested lists: domains > competencies > indicators. */
export function ItemTree(props: TreeProps) {
  const { t } = useTranslation('frameworks');
  return (
    <Box role="region" aria-label={t('tree.label')}>
      <SiblingList {...props} parentId={null} depth={0} />
    </Box>
  );
}

/** The children of one parent: a sortable list (drag with the pointer, or Space and arrows on the handle). */
function SiblingList(props: TreeProps & { parentId: string | null; depth: number }) {
  const { t } = useTranslation('frameworks');
  const { tree, byId, parentId, depth, editable, actions } = props;
  const siblings = tree.get(parentId) ?? [];
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const labelOf = (id: UniqueIdentifier) => itemLabel(byId.get(String(id)));
  const positionOf = (id: UniqueIdentifier) => siblings.findIndex((s) => s.id === id) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('drag.start', { item: labelOf(active.id), position: positionOf(active.id), total: siblings.length }),
    onDragOver: ({ active, over }) =>
      over
        ? t('drag.over', { item: labelOf(active.id), position: positionOf(over.id), total: siblings.length })
        : t('drag.outside', { item: labelOf(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('drag.end', { item: labelOf(active.id), position: positionOf(over.id), total: siblings.length })
        : t('drag.cancel', { item: labelOf(active.id) }),
    onDragCancel: ({ active }) => t('drag.cancel', { item: labelOf(active.id) }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const item = byId.get(String(active.id));
    const to = siblings.findIndex((s) => s.id === over.id);
    if (item && to >= 0) actions.move(item, parentId, to);
  };
  if (siblings.length === 0) return null;
  // Leaves keep room for the fold button only when a sibling has one, so the texts line up.
  const alignToggle = siblings.some((s) => (tree.get(s.id)?.length ?? 0) > 0);
  const list = (
    <Box
      component="ul"
      aria-label={parentId ? t('tree.childrenOf', { item: labelOf(parentId) }) : t('tree.topLevel')}
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {siblings.map((item, index) => (
        <ItemRow key={item.id} {...props} item={item} index={index} siblings={siblings} depth={depth} alignToggle={alignToggle} />
      ))}
    </Box>
  );
  if (!editable) return list;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('drag.instructions') } }}
    >
      <SortableContext items={siblings.map((s) => s.id)} strategy={verticalListSortingStrategy}>
        {list}
      </SortableContext>
    </DndContext>
  );
}

function ItemRow(
  props: TreeProps & { item: FrameworkItem; index: number; siblings: FrameworkItem[]; depth: number; alignToggle: boolean },
) {
  const { t } = useTranslation('frameworks');
  const {
    item,
    index,
    siblings,
    depth,
    alignToggle,
    version,
    tree,
    byId,
    editable,
    actions,
    selecting,
    selected,
    onToggleSelect,
    collapsed,
    onToggleCollapsed,
    focusId,
    onFocused,
  } = props;
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled: !editable });
  const menuButton = useRef<HTMLButtonElement>(null);
  const isPhone = useIsPhone();
  const label = itemLabel(item);
  const children = tree.get(item.id) ?? [];
  const open = !collapsed.has(item.id);
  const previous = siblings[index - 1];
  const parent = item.parentId ? byId.get(item.parentId) : undefined;

  useEffect(() => {
    if (focusId !== item.id) return;
    menuButton.current?.focus();
    onFocused();
  }, [focusId, item.id, onFocused]);

  const outdent = () => {
    if (!parent) return;
    const parentSiblings = tree.get(parent.parentId) ?? [];
    actions.move(item, parent.parentId, parentSiblings.findIndex((s) => s.id === parent.id) + 1);
  };

  return (
    <li
      ref={setNodeRef}
      style={{
        transform: CSS.Translate.toString(transform),
        transition: transition,
        position: 'relative',
        zIndex: isDragging ? 2 : undefined,
      }}
    >
      <Group
        gap={6}
        wrap="nowrap"
        py={6}
        pr={4}
        pl={depth * (isPhone ? 14 : 24) + 4}
        align="flex-start"
        style={{
          borderBottom: '1px solid var(--mantine-color-gray-2)',
          background: isDragging ? 'var(--mantine-color-blue-0)' : item.retired ? 'var(--mantine-color-gray-0)' : undefined,
        }}
      >
        {editable ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('tree.dragHandle', { item: label })}
            {...attributes}
            {...listeners}
            style={{ cursor: 'grab', touchAction: 'none', flexShrink: 0 }}
          >
            <span aria-hidden="true">⠿</span>
          </ActionIcon>
        ) : null}
        {children.length > 0 ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-expanded={open}
            aria-label={t('tree.toggle', { item: label })}
            onClick={() => onToggleCollapsed(item.id)}
            style={{ flexShrink: 0 }}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </ActionIcon>
        ) : alignToggle ? (
          <Box w={34} style={{ flexShrink: 0 }} />
        ) : null}
        {selecting ? (
          <Checkbox
            mt={8}
            aria-label={t('tree.select', { item: label })}
            checked={selected.has(item.id)}
            onChange={() => onToggleSelect(item.id)}
          />
        ) : null}
        <Box style={{ flex: 1, minWidth: 0 }}>
          <UnstyledButton onClick={() => actions.open(item)} style={{ display: 'block', width: '100%', borderRadius: 4 }} py={4}>
            {item.humanCode ? (
              <>
                <Text component="span" fw={depth === 0 ? 700 : 600}>
                  {item.humanCode}
                </Text>{' '}
              </>
            ) : null}
            <Text component="span" td={item.retired ? 'line-through' : undefined} fw={depth === 0 ? 600 : 400}>
              {item.fullStatement}
            </Text>
          </UnstyledButton>
          <Group gap={6} mt={2}>
            {item.itemType ? (
              <Badge size="sm" variant="outline" color="gray.7">
                {itemTypeTitle(t, version.itemTypes, item.itemType)}
              </Badge>
            ) : null}
            {item.retired ? (
              <Badge size="sm" variant="light" color="red">
                {t('item.retired')}
              </Badge>
            ) : null}
            {item.openCommentCount > 0 ? (
              <Badge size="sm" variant="light" color="blue">
                {t('item.openComments', { count: item.openCommentCount, formatted: formatNumber(item.openCommentCount) })}
              </Badge>
            ) : null}
          </Group>
        </Box>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon
              ref={menuButton}
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={t('tree.actions', { item: label })}
              style={{ flexShrink: 0 }}
            >
              <span aria-hidden="true">⋯</span>
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => actions.open(item)}>{editable ? t('tree.edit') : t('tree.open')}</Menu.Item>
            {editable ? (
              <>
                <Menu.Item onClick={() => actions.addChild(item)}>{t('tree.addChild')}</Menu.Item>
                <Menu.Item onClick={() => actions.addSibling(item)}>{t('tree.addSibling')}</Menu.Item>
                <Menu.Divider />
                <Menu.Item disabled={index === 0} onClick={() => actions.move(item, item.parentId, index - 1)}>
                  {t('tree.moveUp')}
                </Menu.Item>
                <Menu.Item disabled={index === siblings.length - 1} onClick={() => actions.move(item, item.parentId, index + 1)}>
                  {t('tree.moveDown')}
                </Menu.Item>
                <Menu.Item
                  disabled={!previous}
                  onClick={() => previous && actions.move(item, previous.id, (tree.get(previous.id) ?? []).length)}
                >
                  {t('tree.indent')}
                </Menu.Item>
                <Menu.Item disabled={!parent} onClick={outdent}>
                  {t('tree.outdent')}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item onClick={() => actions.split(item)}>{t('tree.split')}</Menu.Item>
                <Menu.Item onClick={() => actions.retire(item)}>{item.retired ? t('tree.reactivate') : t('tree.retire')}</Menu.Item>
                <Menu.Item color="red" onClick={() => actions.remove(item)}>
                  {t('tree.delete')}
                </Menu.Item>
              </>
            ) : null}
          </Menu.Dropdown>
        </Menu>
      </Group>
      {children.length > 0 && open ? <SiblingList {...props} parentId={item.id} depth={depth + 1} /> : null}
    </li>
  );
}
