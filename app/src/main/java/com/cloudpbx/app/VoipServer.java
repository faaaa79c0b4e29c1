package com.cloudpbx.app;

import org.slf4j.LoggerFactory;

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
            // Runs until SIGTERM (or SIGINT): the started server stops through its own exit hook.
            ServerLauncher.launch(System.getenv(), java.util.Map.of());
        } catch (RuntimeException e) {
            StartupRefusal refusal = refusal(e);
            if (refusal != null) {
                System.err.println("voip-server cannot start: " + refusal.getMessage());
                System.exit(2);
            }
            LoggerFactory.getLogger(VoipServer.class).error("voip-server could not start: {}", e.getMessage(), e);
            System.exit(1);
        }
    }

    /** A refusal raised while a bean was created arrives wrapped in the context's own exception. */
    private static StartupRefusal refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartupRefusal refusal) {
                return refusal;
            }
        }
        return null;
    }
}
