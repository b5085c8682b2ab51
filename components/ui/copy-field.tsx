"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";

import { Button } from "./button";
import { Input } from "./input";

/** A read-only value (a link, a token) with a copy button; selecting it selects all. */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(value);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }
  return (
    <div className="flex gap-2">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Input
        id={id}
        readOnly
        value={value}
        text="xs"
        className="font-mono"
        onFocus={(event) => event.target.select()}
      />
      <Button type="button" variant="secondary" onClick={copy} aria-live="polite">
        {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
        {copied ? "Copied" : "Copy"}
      </Button>
    </div>
  );
}
