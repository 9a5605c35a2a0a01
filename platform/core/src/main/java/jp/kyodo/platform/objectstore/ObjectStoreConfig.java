package jp.kyodo.platform.objectstore;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where a service keeps its files: one bucket of an S3-compatible store (S3, MinIO; S3Proxy locally and in tests).
 */
@ConfigMapping(prefix = "kyodo.object-store")
public interface ObjectStoreConfig {

    /** The store's endpoint; without it the AWS default endpoint of the region is used. */
    Optional<URI> endpoint();

    /** The store's region (S3Proxy and MinIO answer to us-east-1; on AWS e.g. ap-northeast-1). */
    @WithDefault("us-east-1")
    String region();

    /** The service's bucket, e.g. {@code kyodo-agreements}. */
    String bucket();

    @WithDefault("kyodo")
    String accessKey();

    @WithDefault("kyodo-secret")
    String secretKey();

    /** Path-style addressing ({@code endpoint/bucket/key}), which MinIO and S3Proxy expect. */
    @WithDefault("true")
    boolean pathStyle();

    /** Create the bucket when it does not exist (local and test stores; production buckets are provisioned). */
    @WithDefault("true")
    boolean createBucket();

    /** A call to the store that takes longer counts as the store being unavailable. */
    @WithDefault("10s")
    Duration callTimeout();

    /** An object nobody refers to is deleted after this long (an upload interrupted between store and commit). */
    @WithDefault("1h")
    Duration orphanGracePeriod();
}
