package com.cloudpbx.http.docs;

/**
 * The /docs page and its start-up script. The script is a separate file rather than inline so the
 * page's Content-Security-Policy can forbid inline scripts.
 */
final class SwaggerUiPage {

    static final String HTML = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Cloud PBX API</title>
          <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
          <link rel="icon" type="image/png" sizes="32x32" href="/docs/assets/favicon-32x32.png">
          <link rel="icon" type="image/png" sizes="16x16" href="/docs/assets/favicon-16x16.png">
        </head>
        <body>
          <div id="swagger-ui"></div>
          <script src="/docs/assets/swagger-ui-bundle.js" charset="utf-8"></script>
          <script src="/docs/assets/swagger-ui-standalone-preset.js" charset="utf-8"></script>
          <script src="/docs/swagger-initializer.js" charset="utf-8"></script>
        </body>
        </html>
        """;

    // validatorUrl: null stops Swagger UI from sending the document to validator.swagger.io.
    static final String INITIALIZER = """
        window.addEventListener('load', function () {
          window.ui = SwaggerUIBundle({
            url: '/openapi.yml',
            dom_id: '#swagger-ui',
            deepLinking: true,
            validatorUrl: null,
            persistAuthorization: false,
            presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
            plugins: [SwaggerUIBundle.plugins.DownloadUrl],
            layout: 'StandaloneLayout'
          });
        });
        """;

    private SwaggerUiPage() {
    }
}
