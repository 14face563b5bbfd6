import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

/** The checking half of bench/retention-kill: the highest record version in the H2 database at PATH (no .mv.db). */
public class MaxVersion {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + args[0] + ";COMPRESS=TRUE", "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT MAX(version) FROM vigil_object")) {
            rs.next();
            System.out.println(rs.getLong(1));
        }
    }
}
