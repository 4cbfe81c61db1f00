package io.roster.impl.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

@Entity
@Table(name = "org_unit")
public class OrgUnitEntity {
    @Id
    public UUID id;

    public String code;
    public String name;
    public String kind;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(columnDefinition = "ltree")
    @ColumnTransformer(read = "cast(path as text)", write = "cast(? as ltree)")
    public String path;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** The ltree label of a unit: its id without dashes. */
    public static String label(UUID id) {
        return id.toString().replace("-", "");
    }

    public int depth() {
        int depth = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '.') {
                depth++;
            }
        }
        return depth;
    }

    /** Whether this unit lies in the subtree rooted at the given path (the root included). */
    public boolean isWithin(String rootPath) {
        return path.equals(rootPath) || path.startsWith(rootPath + ".");
    }
}
