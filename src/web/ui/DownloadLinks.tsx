import { Button, Group } from '@mantine/core';
import { IconFileTypeDocx, IconFileTypePdf, IconFileTypeXls } from '@tabler/icons-react';

/** A row of document downloads, each a plain link to the server's document route with its file type's icon. */
const icons = { pdf: IconFileTypePdf, xlsx: IconFileTypeXls, docx: IconFileTypeDocx } as const;

export type DownloadLink = { href: string; label: string; kind: keyof typeof icons; testId: string };

export function DownloadLinks({ links }: { links: DownloadLink[] }) {
  return (
    <Group gap="xs" style={{ rowGap: 6 }}>
      {links.map((l) => {
        const Icon = icons[l.kind];
        return (
          <Button
            key={l.testId}
            component="a"
            href={l.href}
            download
            variant="light"
            size="xs"
            leftSection={<Icon size={16} />}
            data-testid={l.testId}
          >
            {l.label}
          </Button>
        );
      })}
    </Group>
  );
}
