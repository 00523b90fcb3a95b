/**
 * Attaches a minute (PDF, 5 MB at most) to an event already saved: the one sent later, or again after it could not
 * go with its event (offline, a failed upload). Checked in the browser first; the server checks it again.
 */
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ATTACHMENT_MAX_BYTES, PDF_MIME } from '@pcmt/shared/uploads';
import { ApiErrorNote } from '../../components/api-error-note.tsx';
import { useEventText } from '../../i18n/event-messages.ts';
import { postFile } from '../../lib/api.ts';

export function MinuteUpload({ eventId }: { eventId: string }) {
  const t = useEventText();
  const client = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [key, setKey] = useState(0);
  const upload = useMutation({
    mutationFn: (file: File) =>
      postFile(`/api/events/${eventId}/attachments`, file, PDF_MIME, {
        'X-File-Name': encodeURIComponent(file.name),
      }),
    onSettled: () => setKey((k) => k + 1),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['crossings', 'detail'] });
      void client.invalidateQueries({ queryKey: ['coordination'] });
    },
  });
  const pick = (f: File | null) => {
    setProblem(null);
    if (!f) return;
    if (f.type && f.type !== PDF_MIME) return setProblem(t.notPdf);
    if (f.size > ATTACHMENT_MAX_BYTES) return setProblem(t.tooBig);
    upload.mutate(f);
  };
  return (
    <div className="minute-upload">
      <label className="link">
        {upload.isPending ? t.uploading : `+ ${t.attachMinute}`}
        <input
          key={key}
          type="file"
          accept={PDF_MIME}
          className="visually-hidden"
          disabled={upload.isPending}
          onChange={(x) => pick(x.target.files?.[0] ?? null)}
          data-testid="minute-attach"
        />
      </label>
      {problem && <p className="warn-text">{problem}</p>}
      <ApiErrorNote error={upload.error} />
    </div>
  );
}
