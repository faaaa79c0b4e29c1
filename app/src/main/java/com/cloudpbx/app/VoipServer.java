package com.cloudpbx.app;

/** Starts the API server from the process environment. */
public final class VoipServer {

    private VoipServer() {
    }

    public static void main(String[] args) {
        if ("json".equalsIgnoreCase(System.getenv("VOIP_LOG_FORMAT"))
                && System.getProperty("logback.configurationFile") == null) {
            // Before the first logger exists: every line, not only the access log, becomes JSON.
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        try {
            var running = ServerLauncher.launch(System.getenv(), java.util.Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "voip-shutdown"));
        } catch (StartupRefusal refusal) {
            System.err.println("voip-server cannot start: " + refusal.getMessage());
            System.exit(2);
        }
    }
}
