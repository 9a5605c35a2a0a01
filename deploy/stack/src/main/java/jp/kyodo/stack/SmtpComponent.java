package jp.kyodo.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SMTP server every mail of the stack goes to: GreenMail's self-contained jar from the local Maven repository, run
 * as a child JVM,
 * accepting mail for any address without authentication and keeping it in memory, with its HTTP API to read what was
 * sent ({@code GET /api/user/<address>/messages/INBOX}). Its API listens on a port of its own, not GreenMail's default
 * 8080 (the gateway's).
 */
final class SmtpComponent extends ProcessComponent {

    SmtpComponent(StackConfig config, Progress progress) {
        super(Stack.SMTP, config, progress, Duration.ofSeconds(10));
    }

    @Override
    void start() throws Exception {
        Ports.requireFree("SMTP", port());
        Ports.requireFree("SMTP API", config.smtpApiPort());
        prepareLog();
        Path jar = config.greenmailJar();
        if (!java.nio.file.Files.isRegularFile(jar)) {
            throw new StackException("SMTP: " + jar + " is missing; build the stack module first (./mvnw package -pl "
                    + "deploy/stack) so that Maven downloads it");
        }
        progress.step("SMTP (GreenMail): starting on port " + port() + ", its API on " + config.smtpApiPort());
        long t0 = System.nanoTime();
        List<String> command = new ArrayList<>();
        command.add(FileUtil.javaExecutable());
        command.addAll(List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + port(),
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + config.smtpApiPort(),
                "-Dgreenmail.auth.disabled", "-jar", jar.toString()));
        java.nio.file.Files.createDirectories(home());
        process = ChildProcess.start("SMTP", command, home(), Map.of(), logFile(), true);
        process.awaitReady(config.infrastructureTimeout(),
                () -> Ports.isListening(port()) && Http.isOk(apiUrl() + "/api/service/readiness"));
        progress.step("SMTP (GreenMail): ready in " + Progress.since(t0));
    }

    private Path home() {
        return config.dataDir().resolve("smtp");
    }

    String apiUrl() {
        return "http://127.0.0.1:" + config.smtpApiPort();
    }

    @Override
    int port() {
        return config.smtpPort();
    }

    @Override
    String url() {
        return "smtp://127.0.0.1:" + port();
    }

    @Override
    Path logFile() {
        return config.logsDir().resolve("smtp.log");
    }
}
