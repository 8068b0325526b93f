import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

/** Reads the published notices document that an S3 notification names. */
export interface NoticesObjectSource {
  read(bucket: string, key: string): Promise<string>;
}

/**
 * The site's bucket in AWS: one GetObject, signed with the SDK's own SigV4 signer (the one every SDK client in the
 * bundle already carries) and sent with fetch. The S3 client would do the same, but brings about 140 kB of
 * checksums, XML and multi-region signing this one GET never needs, past the bundles' 300 kB budget
 * (test/infra/lambda-bundles.test.ts). Credentials are Lambda's, from the environment.
 */
export function createS3NoticesSource(region: string, env: NodeJS.ProcessEnv = process.env): NoticesObjectSource {
  const signer = new SignatureV4({
    service: 's3',
    region,
    sha256: NodeSha256,
    credentials: async () => ({
      accessKeyId: env.AWS_ACCESS_KEY_ID ?? '',
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? '',
      ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
    }),
  });
  return {
    async read(bucket, key) {
      const hostname = `${bucket}.s3.${region}.amazonaws.com`;
      const path = `/${key.split('/').map(encodeURIComponent).join('/')}`;
      const signed = await signer.sign({
        method: 'GET',
        protocol: 'https:',
        hostname,
        path,
        headers: { host: hostname, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
        query: {},
      });
      const response = await fetch(`https://${hostname}${path}`, { headers: signed.headers as Record<string, string> });
      if (!response.ok)
        throw Object.assign(new Error(`GET s3://${bucket}/${key}: ${response.status} ${await response.text().catch(() => '')}`.slice(0, 400)), {
          name: 'S3GetObjectFailed',
        });
      return response.text();
    },
  };
}

/** SigV4's hash and HMAC (with a secret) on node:crypto, in the shape the signer asks for. */
class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash =
      secret === undefined
        ? createHash('sha256')
        : createHmac(
            'sha256',
            typeof secret === 'string'
              ? secret
              : Buffer.from(secret instanceof ArrayBuffer ? new Uint8Array(secret) : new Uint8Array(secret.buffer, secret.byteOffset, secret.byteLength)),
          );
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(
      typeof data === 'string' ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    );
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

/**
 * On this machine the "bucket" is the local site directory (SITE_BUCKET_DIR): the local stack builds the same S3
 * notification when the document is written there (infra/local/notices-watch.ts). A key never leaves the directory.
 */
export function createDirectoryNoticesSource(directory: string): NoticesObjectSource {
  return {
    async read(_bucket, key) {
      const path = normalize(join(directory, ...key.split('/')));
      if (!path.startsWith(normalize(directory))) throw new Error(`The key ${key} is outside the site directory.`);
      return readFile(path, 'utf8');
    },
  };
}
