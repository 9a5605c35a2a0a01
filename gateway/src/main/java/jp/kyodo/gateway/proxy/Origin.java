package jp.kyodo.gateway.proxy;

/**
 * One replica of a service: where to reach it.
 *
 * @param host upstream host
 * @param port upstream port
 * @param tls  whether to speak HTTPS to it
 */
public record Origin(String host, int port, boolean tls) {

    @Override
    public String toString() {
        return (tls ? "https://" : "http://") + host + ":" + port;
    }
}
