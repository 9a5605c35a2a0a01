package jp.kyodo.platform.objectstore;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The service's bucket in an S3-compatible store. Keys are generated here ({@code <prefix>/<uuid>}), never derived
 * from what a user sent. A store that cannot be reached is an {@link ObjectStoreUnavailable} (503).
 */
@ApplicationScoped
public class ObjectStore {

    private static final Logger LOG = Logger.getLogger(ObjectStore.class);

    /** An object that was stored: its key and when. */
    public record StoredObject(String key, Instant lastModified) {
    }

    @Inject
    ObjectStoreConfig config;

    private volatile S3Client client;
    private volatile boolean bucketReady;

    /** A new key under {@code prefix}, e.g. {@code attachments/3f2c…}. */
    public static String newKey(String prefix) {
        return prefix + "/" + UUID.randomUUID();
    }

    public void put(String key, Path file, String mediaType) {
        call(() -> client().putObject(b -> b.bucket(config.bucket()).key(key).contentType(mediaType),
                RequestBody.fromFile(file)));
    }

    public void put(String key, byte[] bytes, String mediaType) {
        call(() -> client().putObject(b -> b.bucket(config.bucket()).key(key).contentType(mediaType),
                RequestBody.fromBytes(bytes)));
    }

    /** The object's content, to be closed by the caller; 503 when the store is down. */
    public InputStream open(String key) {
        return call(() -> {
            ResponseInputStream<GetObjectResponse> in = client().getObject(b -> b.bucket(config.bucket()).key(key));
            return in;
        });
    }

    public byte[] read(String key) {
        return call(() -> client().getObjectAsBytes(b -> b.bucket(config.bucket()).key(key)).asByteArray());
    }

    /** Deletes the object; deleting one that is not there is not an error. */
    public void delete(String key) {
        call(() -> client().deleteObject(b -> b.bucket(config.bucket()).key(key)));
    }

    /** Every object whose key starts with {@code prefix}, page by page. */
    public List<StoredObject> list(String prefix) {
        return call(() -> {
            List<StoredObject> objects = new ArrayList<>();
            for (S3Object o : client().listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(config.bucket())
                    .prefix(prefix).build()).contents()) {
                objects.add(new StoredObject(o.key(), o.lastModified()));
            }
            return objects;
        });
    }

    /** Whether the store answers (for readiness-like checks and tests). */
    public boolean isReachable() {
        try {
            call(() -> client().headBucket(b -> b.bucket(config.bucket())));
            return true;
        } catch (ObjectStoreUnavailable e) {
            return false;
        }
    }

    private <T> T call(java.util.function.Supplier<T> operation) {
        try {
            ensureBucket();
            try {
                return operation.get();
            } catch (java.io.UncheckedIOException staleConnection) {
                // A kept-alive connection the store closed (it restarted) fails once, outside the SDK's own retries;
                // every call here is idempotent by key, so one more attempt on a fresh connection is safe.
                return operation.get();
            }
        } catch (NoSuchKeyException e) {
            throw new ObjectNotFound(e);
        } catch (SdkException | java.io.UncheckedIOException e) {
            // The URL-connection transport reports a connection the store dropped as an UncheckedIOException.
            LOG.warnf("object store unavailable: %s", e.toString());
            throw new ObjectStoreUnavailable(e);
        }
    }

    private void call(Runnable operation) {
        call(() -> {
            operation.run();
            return null;
        });
    }

    private void ensureBucket() {
        if (bucketReady || !config.createBucket()) {
            return;
        }
        synchronized (this) {
            if (bucketReady) {
                return;
            }
            try {
                client().headBucket(b -> b.bucket(config.bucket()));
            } catch (NoSuchBucketException e) {
                client().createBucket(b -> b.bucket(config.bucket()));
            } catch (S3Exception e) {
                if (e.statusCode() != 404) {
                    throw e;
                }
                client().createBucket(b -> b.bucket(config.bucket()));
            }
            bucketReady = true;
        }
    }

    private S3Client client() {
        S3Client c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    var builder = S3Client.builder()
                            .region(Region.of(config.region()))
                            // Content checksums only where the API requires them: S3Proxy and older MinIO refuse the
                            // newer flexible-checksum headers; the files' own SHA-256 is kept by the caller anyway.
                            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                            .credentialsProvider(StaticCredentialsProvider.create(
                                    AwsBasicCredentials.create(config.accessKey(), config.secretKey())))
                            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.pathStyle())
                                    .chunkedEncodingEnabled(false).build())
                            .httpClientBuilder(UrlConnectionHttpClient.builder()
                                    .connectionTimeout(java.time.Duration.ofSeconds(2))
                                    .socketTimeout(config.callTimeout()))
                            .overrideConfiguration(o -> o.apiCallTimeout(config.callTimeout())
                                    .retryStrategy(r -> r.maxAttempts(2)));
                    config.endpoint().ifPresent(builder::endpointOverride);
                    client = builder.build();
                }
                c = client;
            }
        }
        return c;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    /** No object under that key (a record points at an object that is gone: an operator's error, not the caller's). */
    public static class ObjectNotFound extends RuntimeException {
        ObjectNotFound(Throwable cause) {
            super("object not found in the store", cause);
        }
    }
}
