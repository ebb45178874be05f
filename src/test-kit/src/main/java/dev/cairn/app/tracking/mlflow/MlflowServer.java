package dev.cairn.app.tracking.mlflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real MLflow tracking server for integration tests, run as a child process of the test JVM.
 *
 * <p>The {@code mlflow} executable is taken from the system property {@code cairn.mlflow.bin} (or
 * {@code CAIRN_MLFLOW_BIN}), else the environment variable {@code CAIRN_MLFLOW_BIN}, else
 * {@code <project root>/.tools/mlflow-venv/bin/mlflow}, where the project root is the nearest folder
 * above the working directory holding {@code .tools} or {@code .mvn}.
 *
 * <p>The server listens on a free port of 127.0.0.1 and keeps its SQLite store, artifacts and log
 * ({@code mlflow-server.log}) in the given work folder. MLflow's default security middleware
 * already accepts {@code Host: 127.0.0.1:<port>}, so no security flag is passed. Its background
 * job runner (three extra huey processes) is switched off with
 * {@code MLFLOW_SERVER_ENABLE_JOB_EXECUTION=false}, and telemetry with
 * {@code MLFLOW_DISABLE_TELEMETRY=true}.
 *
 * <p><b>Modes.</b> {@link #start(Path)} starts the open server the demo runs. {@link #start(Path,
 * Feature...)} can add {@link Feature#BASIC_AUTH} (MLflow's {@code basic-auth} app, which needs the
 * {@code mlflow[auth]} extra, i.e. Flask-WTF) and {@link Feature#WORKSPACES}
 * ({@code --enable-workspaces}). With basic-auth the fixture never uses a shipped or guessable
 * password: the admin is bootstrapped with a random password (through
 * {@code MLFLOW_AUTH_ADMIN_PASSWORD}, so it is not written to disk), every permission not granted
 * is denied ({@code default_permission = NO_PERMISSIONS}), and a Cairn service account
 * ({@link #serviceAccount()}) is created with another random password. With workspaces too, the
 * service account is made an MLflow admin, because only admins may create workspaces.
 */
public final class MlflowServer implements AutoCloseable {

    /** Optional server features; each is off unless named. */
    public enum Feature {
        BASIC_AUTH,
        WORKSPACES
    }

    /** A user of the MLflow server (basic-auth mode). */
    public record Account(String username, String password) {

        /** The value of an {@code Authorization} header for this account. */
        public String basicAuthorization() {
            return "Basic " + Base64.getEncoder().encodeToString(
                    (username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Account[" + username + "]";
        }
    }

    public static final String SERVICE_ACCOUNT = "cairn-service";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final String LOG_FILE = "mlflow-server.log";

    private final Path mlflowBin;
    private final Path workDir;
    private final int port;
    private final Set<Feature> features;
    private final Account admin = new Account("admin", strongPassword());
    private final Account serviceAccount = new Account(SERVICE_ACCOUNT, strongPassword());
    private final String flaskSecretKey = strongPassword();
    private boolean accountsCreated;
    private Process process;
    private Thread shutdownHook;

    private MlflowServer(Path mlflowBin, Path workDir, int port, Set<Feature> features) {
        this.mlflowBin = mlflowBin;
        this.workDir = workDir;
        this.port = port;
        this.features = features;
    }

    /** Starts an open server (no authentication, no workspaces) keeping its data in {@code workDir}. */
    public static MlflowServer start(Path workDir) {
        return start(workDir, new Feature[0]);
    }

    /** Starts a server with the given features, keeping its data in {@code workDir}; waits until it answers. */
    public static MlflowServer start(Path workDir, Feature... features) {
        Set<Feature> chosen = features.length == 0 ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(List.of(features));
        Path dir = workDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir.resolve("artifacts"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path bin = findMlflowBinary();
        IllegalStateException lastFailure = null;
        for (int attempt = 0; attempt < 3; attempt++) { // a free port can be taken before we bind it
            MlflowServer server = new MlflowServer(bin, dir, freePort(), chosen);
            try {
                server.launch();
                return server;
            } catch (IllegalStateException e) {
                server.stop();
                lastFailure = e;
                if (!e.getMessage().contains("already in use")) {
                    break;
                }
            }
        }
        throw lastFailure;
    }

    /** Base URI of the server, e.g. {@code http://127.0.0.1:5123}. */
    public String uri() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path workDir() {
        return workDir;
    }

    public boolean hasBasicAuth() {
        return features.contains(Feature.BASIC_AUTH);
    }

    public boolean hasWorkspaces() {
        return features.contains(Feature.WORKSPACES);
    }

    /** The MLflow admin (basic-auth mode only), with the random password the fixture set. */
    public Account admin() {
        requireBasicAuth();
        return admin;
    }

    /** Cairn's service account (basic-auth mode only), created at the first start. */
    public Account serviceAccount() {
        requireBasicAuth();
        return serviceAccount;
    }

    private void requireBasicAuth() {
        if (!hasBasicAuth()) {
            throw new IllegalStateException("This MLflow server was started without basic-auth");
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the server process and its descendants; waits until they are gone. Idempotent. */
    public synchronized void stop() {
        Process p = process;
        process = null;
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down
            }
            shutdownHook = null;
        }
        if (p != null) {
            destroyTree(p);
        }
    }

    /** Stops the server and starts it again on the same port with the same data. */
    public synchronized void restart() {
        stop();
        launch();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void launch() {
        List<String> command = new ArrayList<>(List.of(
                mlflowBin.toString(), "server",
                "--host", "127.0.0.1",
                "--port", Integer.toString(port),
                "--backend-store-uri", "sqlite:///" + workDir.resolve("mlflow.db"),
                "--artifacts-destination", workDir.resolve("artifacts").toString(),
                "--workers", "1"));
        if (hasBasicAuth()) {
            command.addAll(List.of("--app-name", "basic-auth"));
        }
        if (hasWorkspaces()) {
            command.add("--enable-workspaces");
        }
        Path log = workDir.resolve(LOG_FILE);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("MLFLOW_SERVER_ENABLE_JOB_EXECUTION", "false");
        env.put("MLFLOW_DISABLE_TELEMETRY", "true");
        env.put("DO_NOT_TRACK", "true");
        env.put("PYTHONUNBUFFERED", "1");
        if (hasBasicAuth()) {
            env.put("MLFLOW_AUTH_CONFIG_PATH", writeAuthConfig().toString());
            // Read only when the user store is empty (the first start); kept out of files.
            env.put("MLFLOW_AUTH_ADMIN_USERNAME", admin.username());
            env.put("MLFLOW_AUTH_ADMIN_PASSWORD", admin.password());
            env.put("MLFLOW_FLASK_SERVER_SECRET_KEY", flaskSecretKey);
        }
        try {
            Files.writeString(log, "=== " + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + mlflowBin + ": " + e.getMessage(), e);
        }
        Process started = process;
        shutdownHook = new Thread(() -> destroyTree(started), "mlflow-server-stop-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        awaitHealthy(started, log);
        if (hasBasicAuth() && !accountsCreated) {
            createServiceAccount();
            accountsCreated = true;
        }
    }

    private Path writeAuthConfig() {
        Path config = workDir.resolve("basic_auth.ini");
        String ini = String.join(System.lineSeparator(),
                "[mlflow]",
                "default_permission = NO_PERMISSIONS",
                "database_uri = sqlite:///" + workDir.resolve("basic_auth.db"),
                "authorization_function = mlflow.server.auth:authenticate_request_basic_auth",
                "grant_default_workspace_access = false",
                "");
        try {
            return Files.writeString(config, ini, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createServiceAccount() {
        adminCall("POST", "/api/2.0/mlflow/users/create",
                "{\"username\": \"" + serviceAccount.username() + "\", \"password\": \"" + serviceAccount.password() + "\"}");
        if (hasWorkspaces()) {
            adminCall("PATCH", "/api/2.0/mlflow/users/update-admin",
                    "{\"username\": \"" + serviceAccount.username() + "\", \"is_admin\": true}");
        }
    }

    private void adminCall(String method, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", admin.basicAuthorization())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " as the MLflow admin failed with HTTP "
                        + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting up MLflow accounts", e);
        }
    }

    /** 32 random bytes, URL-safe Base64: nothing a dictionary or a shipped default holds. */
    private static String strongPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void awaitHealthy(Process started, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(uri() + "/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        try (http) {
            while (System.nanoTime() < deadline) {
                if (!started.isAlive()) {
                    String tail = tail(log);
                    String hint = tail.contains("Flask-WTF")
                            ? " The basic-auth mode needs MLflow's auth extra: pip install 'mlflow[auth]' into the venv"
                                    + " (scripts/lib.sh does), or put Flask-WTF on PYTHONPATH."
                            : "";
                    throw new IllegalStateException("MLflow server exited with code " + started.exitValue()
                            + " during startup on port " + port + "." + hint + " Log tail:\n" + tail);
                }
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the MLflow server", e);
        }
        throw new IllegalStateException("MLflow server on port " + port + " did not become healthy within "
                + STARTUP_TIMEOUT + ". Log tail:\n" + tail(log));
    }

    private static void destroyTree(Process p) {
        List<ProcessHandle> descendants = new ArrayList<>(p.descendants().toList());
        p.destroy(); // SIGTERM: mlflow stops its uvicorn worker itself
        try {
            if (!p.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
            for (ProcessHandle child : descendants) {
                if (child.isAlive()) {
                    child.destroy();
                }
            }
            for (ProcessHandle child : descendants) {
                long left = deadline - System.nanoTime();
                try {
                    child.onExit().get(Math.max(0, left), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    child.destroyForcibly();
                } catch (ExecutionException ignored) {
                    // gone
                }
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path findMlflowBinary() {
        for (String configured : new String[] {
                System.getProperty("cairn.mlflow.bin"),
                System.getProperty("CAIRN_MLFLOW_BIN"),
                System.getenv("CAIRN_MLFLOW_BIN")}) {
            if (configured != null && !configured.isBlank()) {
                Path bin = Path.of(configured.strip());
                if (!Files.isExecutable(bin)) {
                    throw new IllegalStateException("Configured mlflow binary is not executable: " + bin);
                }
                return bin;
            }
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".tools")) || Files.isDirectory(dir.resolve(".mvn"))) {
                Path bin = dir.resolve(".tools/mlflow-venv/bin/mlflow");
                if (Files.isExecutable(bin)) {
                    return bin;
                }
                throw new IllegalStateException("No mlflow binary at " + bin + " (project root " + dir
                        + "); install it there or set CAIRN_MLFLOW_BIN");
            }
        }
        throw new IllegalStateException("No project root (a folder holding .tools or .mvn) above " + start
                + "; set CAIRN_MLFLOW_BIN to the mlflow executable");
    }
}
