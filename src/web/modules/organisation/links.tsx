import type { ReactNode } from 'react';
import { Anchor, type AnchorProps } from '@mantine/core';
import { Link } from '@tanstack/react-router';

type Props = AnchorProps & { id: string; children: ReactNode; 'data-testid'?: string };

/** A link to a unit's page, styled as a Mantine Anchor. */
export function UnitLink({ id, children, ...props }: Props) {
  return (
    <Anchor {...props} renderRoot={(p) => <Link {...p} to="/units/$unitId" params={{ unitId: id }} />}>
      {children}
    </Anchor>
  );
}

/** A link to a person's page. */
export function PersonLink({ id, children, ...props }: Props) {
  return (
    <Anchor {...props} renderRoot={(p) => <Link {...p} to="/people/$personId" params={{ personId: id }} />}>
      {children}
    </Anchor>
  );
}
