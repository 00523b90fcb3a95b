/** Attaches evidence to a criterion's latest check: a PDF or a photo (PNG, JPEG), 5 MB at most, checked here first. */
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { EVIDENCE_MAX_BYTES, EVIDENCE_MIMES, type EvidenceMime } from '@pcmt/shared/uploads';
import { ApiErrorNote } from '../../components/api-error-note.tsx';
import { useRecognitionText } from '../../i18n/recognition-messages.ts';
import { postFile } from '../../lib/api.ts';

export function EvidenceUpload({ checkId, criterion }: { checkId: number; criterion: number }) {
  const x = useRecognitionText();
  const client = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [key, setKey] = useState(0);
  const upload = useMutation({
    mutationFn: (file: File) =>
      postFile(`/api/checks/${checkId}/evidence`, file, file.type, {
        'X-File-Name': encodeURIComponent(file.name),
      }),
    onSettled: () => setKey((k) => k + 1),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['plans', 'history'] }),
  });
  const pick = (f: File | null) => {
    setProblem(null);
    if (!f) return;
    if (!EVIDENCE_MIMES.includes(f.type as EvidenceMime)) return setProblem(x.wrongType);
    if (f.size > EVIDENCE_MAX_BYTES) return setProblem(x.tooBig);
    upload.mutate(f);
  };
  return (
    <span className="evidence-upload">
      <label className="link">
        {upload.isPending ? x.uploading : x.attach}
        <input
          key={key}
          type="file"
          className="visually-hidden"
          accept={EVIDENCE_MIMES.join(',')}
          disabled={upload.isPending}
          onChange={(e) => pick(e.target.files?.[0] ?? null)}
          data-testid={`evidence-attach-${criterion}`}
        />
      </label>
      {problem && <span className="warn-text"> {problem}</span>}
      <ApiErrorNote error={upload.error} />
    </span>
  );
}
