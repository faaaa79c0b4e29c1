import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Logging;
import org.jooq.meta.jaxb.SchemaMappingType;
import org.jooq.meta.jaxb.Target;

/**
 * Generates the jOOQ table classes from the Flyway migrations, run by the build (see the
 * {@code generate-tables} execution in this module's pom) as a single-file Java program.
 *
 * <p>The schema is read from a real PostgreSQL, the embedded one the module already depends on,
 * after Flyway has applied every migration exactly as production does: the classes describe
 * what the migrations build, PostgreSQL-specific SQL included, so a migration that renames or
 * drops a column breaks the compile of every query that still names it.
 *
 * <p>Starting PostgreSQL takes a few seconds, so a fingerprint of the migrations, this program
 * and the jOOQ version is kept beside the output; while it matches, nothing is regenerated.
 *
 * <p>Arguments: the migrations directory, the output source directory, and this file.
 */
public final class GenerateTables {

    /** Where the generated classes live: {@code Tables.EXTENSIONS}, {@code EXTENSIONS.TENANT_ID}, … */
    private static final String PACKAGE = "com.cloudpbx.storage.postgres.schema";

    /** Kamailio's tables: {@code Tables.SUBSCRIBER}. */
    private static final String KAMAILIO_PACKAGE = "com.cloudpbx.storage.kamailio.schema";

    /** Core's records hold timestamps as Instants, so timestamptz columns are read and bound as such. */
    private static final ForcedType INSTANTS = new ForcedType()
            .withName("INSTANT")
            .withIncludeTypes("(?i:timestamp\\ with\\ time\\ zone|timestamptz)");

    private GenerateTables() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: GenerateTables <migrations dir> <output dir> <this file>");
        }
        Path migrations = Path.of(args[0]).toAbsolutePath().normalize();
        Path output = Path.of(args[1]).toAbsolutePath().normalize();
        Path self = Path.of(args[2]);
        Path stamp = output.resolveSibling(output.getFileName() + ".sha256");

        String fingerprint = fingerprint(migrations, self);
        if (Files.isDirectory(output.resolve(PACKAGE.replace('.', '/')))
                && Files.isDirectory(output.resolve(KAMAILIO_PACKAGE.replace('.', '/')))
                && Files.exists(stamp)
                && Files.readString(stamp).equals(fingerprint)) {
            System.out.println("jOOQ tables are up to date with " + migrations);
            return;
        }
        Files.deleteIfExists(stamp);
        generate(migrations, output);
        Files.writeString(stamp, fingerprint);
    }

    private static void generate(Path migrations, Path output) throws Exception {
        // A throw-away cluster in a temporary directory, deleted on close.
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .start()) {
            Flyway.configure()
                    .dataSource(postgres.getPostgresDatabase())
                    .locations("filesystem:" + migrations)
                    .load()
                    .migrate();
            try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                // The application's tables are found on the search path, so their SQL names no schema.
                run(connection, output,
                        new SchemaMappingType().withInputSchema("public").withOutputSchemaToDefault(true), PACKAGE,
                        List.of(INSTANTS));
                // Kamailio reads its tables from a schema of its own (V3), which the SQL must name.
                run(connection, output, new SchemaMappingType().withInputSchema("kamailio"), KAMAILIO_PACKAGE,
                        List.of());
            }
        }
    }

    private static void run(Connection connection, Path output, SchemaMappingType schema, String packageName,
            List<ForcedType> forcedTypes) throws Exception {
        GenerationTool tool = new GenerationTool();
        tool.setConnection(connection);
        tool.run(configuration(output, schema, packageName, forcedTypes));
    }

    private static Configuration configuration(Path output, SchemaMappingType schema, String packageName,
            List<ForcedType> forcedTypes) {
        return new Configuration()
                .withLogging(Logging.WARN)
                .withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withSchemata(schema)
                                .withIncludes(".*")
                                .withExcludes("flyway_schema_history")
                                // Tables and their columns only: pg_trgm's functions and types are not the API's.
                                .withIncludeRoutines(false)
                                .withIncludeUDTs(false)
                                .withIncludeDomains(false)
                                .withIncludeSequences(false)
                                .withIncludeIndexes(false)
                                .withForcedTypes(forcedTypes))
                        .withGenerate(new Generate()
                                .withRecords(false)
                                .withPojos(false)
                                .withDaos(false)
                                .withRoutines(false)
                                .withSequences(false)
                                .withIndexes(false)
                                .withImplicitJoinPathsToOne(false)
                                .withImplicitJoinPathsToMany(false)
                                // Repositories neither alias, rename nor filter tables as objects:
                                // without these overloads there is half as much generated code to compile.
                                .withAsMethodOverrides(false)
                                .withRenameMethodOverrides(false)
                                .withWhereMethodOverrides(false)
                                .withGeneratedAnnotation(false)
                                .withJavaTimeTypes(true))
                        .withTarget(new Target()
                                .withPackageName(packageName)
                                .withDirectory(output.toString())
                                .withClean(true)));
    }

    /** Every migration's name and content, this program, and the jOOQ that generates. */
    private static String fingerprint(Path migrations, Path self) throws IOException {
        MessageDigest digest = sha256();
        List<Path> files;
        try (Stream<Path> listed = Files.list(migrations)) {
            files = listed.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Files.readAllBytes(file));
            digest.update((byte) 0);
        }
        digest.update(Files.readAllBytes(self));
        String jooq = String.valueOf(GenerationTool.class.getPackage().getImplementationVersion());
        digest.update(jooq.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
