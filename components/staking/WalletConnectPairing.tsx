"use client";
import { useEffect, useState } from "react";
import { useConnection, type Connector } from "wagmi";

/**
 * The pairing link WalletConnect's connector announces while it waits for a phone wallet, as a QR
 * code to scan and as text to copy (for a wallet on the same device).
 */
export function WalletConnectPairing({ connector }: { connector: Connector }) {
  const connection = useConnection();
  const [uri, setUri] = useState<string | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    const onMessage = ({ type, data }: { type: string; data?: unknown }) => {
      if (type === "display_uri" && typeof data === "string") setUri(data);
    };
    connector.emitter.on("message", onMessage);
    return () => connector.emitter.off("message", onMessage);
  }, [connector]);

  useEffect(() => {
    if (!uri) return;
    let cancelled = false;
    // Loaded with the link only: most visitors never pair a phone.
    void import("qrcode").then(async (QRCode) => {
      const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
      if (!cancelled) setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      cancelled = true;
    };
  }, [uri]);

  if (!uri || connection.status === "connected") return null;
  return (
    <div className="walletconnect-pairing" data-testid="walletconnect-pairing">
      <p>Scan this code with your phone wallet (any WalletConnect wallet), then approve the connection there.</p>
      {/* A data: URI of a generated SVG: nothing for next/image to optimise. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      {qr ? <img src={qr} alt="WalletConnect pairing QR code" width={240} height={240} data-testid="walletconnect-qr" /> : <p className="stat-hint">Drawing the code…</p>}
      <label className="walletconnect-link">
        <span>Pairing link</span>
        <input type="text" readOnly value={uri} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => void navigator.clipboard?.writeText(uri).then(() => setCopied(true), () => setCopied(false))}
      >
        {copied ? "Copied" : "Copy link"}
      </button>
    </div>
  );
}
