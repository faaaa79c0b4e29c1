package com.cloudpbx.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** The shape of the code base: dependencies point inward, adapters meet only in core's ports. */
@AnalyzeClasses(packages = "com.cloudpbx", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String CORE = "com.cloudpbx.core..";
    private static final String HTTP = "com.cloudpbx.http..";
    private static final String STORAGE = "com.cloudpbx.storage..";
    private static final String FREESWITCH = "com.cloudpbx.freeswitch..";
    private static final String APP = "com.cloudpbx.app..";
    private static final String PORTS = "com.cloudpbx.core.*.port..";

    @ArchTest
    static final ArchRule coreUsesOnlyTheJdkAndPureLibraries = classes()
            .that().resideInAPackage(CORE)
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "javax.crypto..", CORE, "com.google.i18n.phonenumbers..")
            .because("core is plain Java: no framework, JDBC, Netty, Redis or AWS");

    @ArchTest
    static final ArchRule coreDoesNotKnowTheAdapters = noClasses()
            .that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(HTTP, STORAGE, FREESWITCH, APP);

    @ArchTest
    static final ArchRule coreContextsDependOnEachOtherWithoutCycles = slices()
            .matching("com.cloudpbx.core.(*)..")
            .should().beFreeOfCycles()
            .because("a context can then be understood, tested and changed from the ones it uses upward");

    @ArchTest
    static final ArchRule httpAdapterDoesNotImportOtherAdapters = noClasses()
            .that().resideInAPackage(HTTP)
            .should().dependOnClassesThat().resideInAnyPackage(STORAGE, FREESWITCH, APP);

    @ArchTest
    static final ArchRule storageAdapterDoesNotImportOtherAdapters = noClasses()
            .that().resideInAPackage(STORAGE)
            .should().dependOnClassesThat().resideInAnyPackage(HTTP, FREESWITCH, APP);

    @ArchTest
    static final ArchRule freeswitchAdapterDoesNotImportOtherAdapters = noClasses()
            .that().resideInAPackage(FREESWITCH)
            .should().dependOnClassesThat().resideInAnyPackage(HTTP, STORAGE, APP)
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule controllersReachPortsOnlyThroughUseCases = classes()
            .that().resideInAPackage(HTTP)
            .should(useNoCorePortExceptByImplementingIt())
            .because("a controller goes through a core use case, which enforces tenant scoping");

    @ArchTest
    static final ArchRule portPackagesHoldOnlyInterfaces = classes()
            .that().resideInAPackage(PORTS).and().areTopLevelClasses().and().doNotHaveSimpleName("package-info")
            .should().beInterfaces()
            .because("a port package lists what adapters must provide; the values its ports take live in the context");

    @ArchTest
    static final ArchRule everyOpenCoreInterfaceIsAPort = classes()
            .that().resideInAPackage(CORE).and().areInterfaces().and(notSealed())
            .should().resideInAPackage(PORTS)
            .because("a newcomer finds every seam core leaves to the adapters in core.<context>.port");

    @ArchTest
    static final ArchRule portsAreImplementedOnlyInAdapters = classes()
            .that().implement(corePort())
            .should().resideInAnyPackage(HTTP, STORAGE, FREESWITCH)
            .because("each port has its adapters; core and app only use them");

    /**
     * A lambda compiles to a synthetic method that does not name the interface it implements, so
     * the rule above cannot see one in app. Any app method that hands out a port must therefore
     * build an adapter, not write the implementation in place.
     */
    @ArchTest
    static final ArchRule appHandsOutPortsOnlyByBuildingAdapters = methods()
            .that().areDeclaredInClassesThat().resideInAPackage(APP)
            .and().haveRawReturnType(corePort())
            .should(constructAnAdapter())
            .allowEmptyShould(true)
            .because("a port written as a lambda in app is an adapter outside the adapter modules");

    @ArchTest
    static final ArchRule theClientAddressHasOneSource = noClasses()
            .should().dependOnClassesThat()
            .haveFullyQualifiedName("io.micronaut.http.server.util.HttpClientAddressResolver")
            .because("Micronaut's resolver believes forwarding headers from anyone; ClientAddresses reads them"
                    + " only from the proxies in VOIP_TRUSTED_PROXIES");

    /** A port is an interface in a core context's port package, which adapters implement. */
    private static DescribedPredicate<JavaClass> corePort() {
        return DescribedPredicate.describe("a core port",
                c -> c.isInterface() && c.getPackageName().matches("com\\.cloudpbx\\.core\\.\\w+\\.port(\\..*)?"));
    }

    /** Sealed interfaces are closed value types (events, states, commands), not seams for adapters. */
    private static DescribedPredicate<JavaClass> notSealed() {
        return DescribedPredicate.describe("not sealed", c -> !c.reflect().isSealed());
    }

    private static ArchCondition<JavaMethod> constructAnAdapter() {
        return new ArchCondition<>("construct an adapter") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean buildsAdapter = method.getConstructorCallsFromSelf().stream()
                        .map(call -> call.getTargetOwner().getPackageName())
                        .anyMatch(p -> p.startsWith("com.cloudpbx.http") || p.startsWith("com.cloudpbx.storage")
                                || p.startsWith("com.cloudpbx.freeswitch"));
                if (!buildsAdapter) {
                    events.add(SimpleConditionEvent.violated(method,
                            method.getFullName() + " returns a core port without constructing an adapter"));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> useNoCorePortExceptByImplementingIt() {
        return new ArchCondition<>("use no core port except by implementing it") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    boolean port = corePort().test(target);
                    boolean implemented = item.getAllRawInterfaces().contains(target);
                    if (port && !implemented) {
                        events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
