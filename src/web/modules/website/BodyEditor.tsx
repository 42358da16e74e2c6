import '@mantine/tiptap/styles.css';
import { useRef, useState } from 'react';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { getUploadImageExtension, Link, RichTextEditor } from '@mantine/tiptap';
import { IconBrandYoutube } from '@tabler/icons-react';
import Image from '@tiptap/extension-image';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useTranslation } from 'react-i18next';
import { videoEmbedUrl } from '../../../common/video.ts';
import { uploadArticleImage } from './api.ts';

type Pending = { resolve: (v: { alt: string; title: string } | null) => void } | null;

/**
 * The article's body: Mantine's tiptap editor with headings, lists, quotes, links, images uploaded
 * to the website's store (each asked for its description and caption) and video links (YouTube,
 * Vimeo). What it writes is HTML the server sanitises again on every save (ADR 24).
 */
export function BodyEditor({ initial, onChange }: { initial: string; onChange: (html: string) => void }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<Pending>(null);
  const [alt, setAlt] = useState('');
  const [caption, setCaption] = useState('');
  const [videoOpen, setVideoOpen] = useState(false);
  const [video, setVideo] = useState('');
  const [uploadError, setUploadError] = useState<string | null>(null);
  const askDetails = () =>
    new Promise<{ alt: string; title: string } | null>((resolve) => {
      setAlt('');
      setCaption('');
      setPending({ resolve });
    });
  const onImageUpload = async (file: File) => {
    setUploadError(null);
    const details = await askDetails();
    if (!details) throw new Error('cancelled');
    const image = await uploadArticleImage(file);
    return { src: image.src, alt: details.alt, title: details.title };
  };
  const uploadRef = useRef(onImageUpload);
  uploadRef.current = onImageUpload;
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ link: false, heading: { levels: [2, 3, 4] }, code: false, codeBlock: false }),
      Link.configure({ openOnClick: false }),
      getUploadImageExtension(Image, {
        onImageUpload: (file: File) => uploadRef.current(file),
        onImageUploadError: (_file: File, error: unknown) => {
          if (!(error instanceof Error && error.message === 'cancelled'))
            setUploadError(error instanceof Error ? error.message : String(error));
        },
      }),
    ],
    content: initial,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    onUpdate: ({ editor: e }) => onChange(e.getHTML()),
  });
  const close = (value: { alt: string; title: string } | null) => {
    pending?.resolve(value);
    setPending(null);
  };
  const embed = videoEmbedUrl(video.trim());
  return (
    <>
      <RichTextEditor
        editor={editor}
        data-testid="website-body"
        labels={{
          boldControlLabel: t('website.toolbar.bold'),
          italicControlLabel: t('website.toolbar.italic'),
          underlineControlLabel: t('website.toolbar.underline'),
          h2ControlLabel: t('website.toolbar.h2'),
          h3ControlLabel: t('website.toolbar.h3'),
          blockquoteControlLabel: t('website.toolbar.quote'),
          bulletListControlLabel: t('website.toolbar.bullets'),
          orderedListControlLabel: t('website.toolbar.numbers'),
          linkControlLabel: t('website.toolbar.link'),
          unlinkControlLabel: t('website.toolbar.unlink'),
          imageUploadControlLabel: t('website.toolbar.image'),
          undoControlLabel: t('website.toolbar.undo'),
          redoControlLabel: t('website.toolbar.redo'),
          linkEditorInputLabel: t('website.toolbar.linkAddress'),
          linkEditorInputPlaceholder: 'https://',
          linkEditorExternalLink: t('website.toolbar.linkExternal'),
          linkEditorInternalLink: t('website.toolbar.linkInternal'),
          linkEditorSave: t('website.toolbar.linkSave'),
        }}
      >
        <RichTextEditor.Toolbar sticky stickyOffset={56}>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Bold />
            <RichTextEditor.Italic />
            <RichTextEditor.Underline />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.H2 />
            <RichTextEditor.H3 />
            <RichTextEditor.Blockquote />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.BulletList />
            <RichTextEditor.OrderedList />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Link />
            <RichTextEditor.Unlink />
            <RichTextEditor.ImageUpload accept="image/png,image/jpeg,image/webp" data-testid="website-body-image" />
            <RichTextEditor.Control
              onClick={() => {
                setVideo('');
                setVideoOpen(true);
              }}
              aria-label={t('website.editor.video')}
              title={t('website.editor.video')}
              data-testid="website-body-video"
            >
              <IconBrandYoutube stroke={1.5} size={16} />
            </RichTextEditor.Control>
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Undo />
            <RichTextEditor.Redo />
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
        <RichTextEditor.Content mih={240} />
      </RichTextEditor>
      {uploadError ? (
        <div role="alert" style={{ color: 'var(--mantine-color-red-7)', fontSize: 14 }}>
          {uploadError}
        </div>
      ) : null}
      <Modal opened={pending !== null} onClose={() => close(null)} title={t('website.editor.imageDetails')}>
        <Stack>
          <TextInput
            label={t('website.editor.alt')}
            description={t('website.editor.altHint')}
            value={alt}
            onChange={(e) => setAlt(e.currentTarget.value)}
            required
            data-testid="website-image-alt"
          />
          <TextInput
            label={t('website.editor.caption')}
            value={caption}
            onChange={(e) => setCaption(e.currentTarget.value)}
            data-testid="website-image-caption"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => close(null)}>
              {t('website.editor.cancel')}
            </Button>
            <Button
              disabled={!alt.trim()}
              onClick={() => close({ alt: alt.trim(), title: caption.trim() })}
              data-testid="website-image-ok"
            >
              {t('website.editor.insert')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={videoOpen} onClose={() => setVideoOpen(false)} title={t('website.editor.video')}>
        <Stack>
          <TextInput
            label={t('website.editor.videoUrl')}
            description={t('website.editor.videoHint')}
            value={video}
            onChange={(e) => setVideo(e.currentTarget.value)}
            error={video.trim() && !embed ? t('website.editor.videoBad') : undefined}
          />
          <Group justify="flex-end">
            <Button
              disabled={!embed}
              onClick={() => {
                const url = video.trim();
                editor
                  ?.chain()
                  .focus()
                  .insertContent({
                    type: 'paragraph',
                    content: [
                      {
                        type: 'text',
                        text: `▶ ${t('website.editor.videoLabel')}: ${url}`,
                        marks: [{ type: 'link', attrs: { href: url } }],
                      },
                    ],
                  })
                  .run();
                setVideoOpen(false);
              }}
            >
              {t('website.editor.insert')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
