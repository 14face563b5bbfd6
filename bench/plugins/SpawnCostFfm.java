import jdk.incubator.foreign.*;
import java.lang.invoke.*;
import java.nio.file.*;
import java.util.*;

/** bench/plugins: CPU per plugin run (this process + reaped children): ProcessBuilder vs posix_spawn+waitpid through JDK 17's
 * incubating foreign linker. stdout of the plugin goes to /dev/null in both (no pipe), stdin /dev/null (PB) or
 * inherited (spawn). Run (Java 17; the plugins' output goes to stdout, the figures to stderr):
 *   java --add-modules jdk.incubator.foreign --enable-native-access=ALL-UNNAMED \
 *        -Djdk.lang.Process.launchMechanism=VFORK bench/plugins/SpawnCostFfm.java 2000 </dev/null >/dev/null
 * An experiment for issue 4 (docs/performance.md): what a spawn path outside java.lang.Process would save. */
public class SpawnCostFfm {
    static final String PLUGIN = "/usr/lib/nagios/plugins/check_dummy";
    static long ticks() throws Exception {
        String s = Files.readString(Path.of("/proc/self/stat"));
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }
    public static void main(String[] a) throws Throwable {
        int n = Integer.parseInt(a[0]);
        CLinker linker = CLinker.getInstance();
        SymbolLookup lookup = CLinker.systemLookup();
        MethodHandle spawn = linker.downcallHandle(lookup.lookup("posix_spawn").get(),
            MethodType.methodType(int.class, MemoryAddress.class, MemoryAddress.class, MemoryAddress.class,
                MemoryAddress.class, MemoryAddress.class, MemoryAddress.class),
            FunctionDescriptor.of(CLinker.C_INT, CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_POINTER,
                CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_POINTER));
        MethodHandle waitpid = linker.downcallHandle(lookup.lookup("waitpid").get(),
            MethodType.methodType(int.class, int.class, MemoryAddress.class, int.class),
            FunctionDescriptor.of(CLinker.C_INT, CLinker.C_INT, CLinker.C_POINTER, CLinker.C_INT));
        ResourceScope scope = ResourceScope.newConfinedScope();
        SegmentAllocator alloc = SegmentAllocator.ofScope(scope);
        MemorySegment path = CLinker.toCString(PLUGIN, scope);
        Addressable[] argv = {path, CLinker.toCString("0", scope), CLinker.toCString("ok", scope), MemoryAddress.NULL};
        MemorySegment argvSeg = alloc.allocateArray(CLinker.C_POINTER, argv);
        List<Addressable> env = new ArrayList<>();
        for (Map.Entry<String, String> e : System.getenv().entrySet()) {
            env.add(CLinker.toCString(e.getKey() + "=" + e.getValue(), scope));
        }
        env.add(MemoryAddress.NULL);
        MemorySegment envSeg = alloc.allocateArray(CLinker.C_POINTER, env.toArray(new Addressable[0]));
        MemorySegment pid = alloc.allocate(CLinker.C_INT);
        MemorySegment status = alloc.allocate(CLinker.C_INT);
        for (int round = 0; round < 3; round++) {
            long t0 = ticks(), w0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                ProcessBuilder pb = new ProcessBuilder(PLUGIN, "0", "ok")
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
                pb.start().waitFor();
            }
            long t1 = ticks(), w1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                int rc = (int) spawn.invokeExact(pid.address(), path.address(), MemoryAddress.NULL, MemoryAddress.NULL,
                        argvSeg.address(), envSeg.address());
                if (rc != 0) throw new IllegalStateException("posix_spawn " + rc);
                int p = MemoryAccess.getInt(pid);
                int r = (int) waitpid.invokeExact(p, status.address(), 0);
                if (r != p) throw new IllegalStateException("waitpid " + r);
            }
            long t2 = ticks(), w2 = System.nanoTime();
            double tick = 1000.0 / 100; // ms per tick (CLK_TCK 100)
            System.err.printf("round %d: ProcessBuilder %.3f ms CPU/run (%.0f/s), posix_spawn via FFM %.3f ms CPU/run (%.0f/s)%n",
                    round, (t1 - t0) * tick / n, n / ((w1 - w0) / 1e9), (t2 - t1) * tick / n, n / ((w2 - w1) / 1e9));
        }
    }
}
