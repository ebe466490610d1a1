using KpiBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>
/// The shared model. Each provider has its own derived context (<see cref="SqliteKpiBotDbContext"/>,
/// <see cref="PostgresKpiBotDbContext"/>) so that each keeps its own migration set. Names are snake_case;
/// amounts are 64-bit integers scaled by 10,000 (see <see cref="ScaledValue"/>).
/// </summary>
public abstract class KpiBotDbContext : DbContext
{
    protected KpiBotDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<TeamRow> Teams => Set<TeamRow>();
    public DbSet<PersonRow> People => Set<PersonRow>();
    public DbSet<ChatIdentityRow> ChatIdentities => Set<ChatIdentityRow>();
    public DbSet<GoalImportRow> GoalImports => Set<GoalImportRow>();
    public DbSet<GoalNodeRow> GoalNodes => Set<GoalNodeRow>();
    public DbSet<GoalTargetRow> GoalTargets => Set<GoalTargetRow>();
    public DbSet<CheckInEntryRow> CheckInEntries => Set<CheckInEntryRow>();
    public DbSet<CheckInAuditRow> CheckInAudit => Set<CheckInAuditRow>();
    public DbSet<TimeOffRow> TimeOff => Set<TimeOffRow>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.UseSnakeCaseNamingConvention();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<TeamRow>(e =>
        {
            e.ToTable("teams");
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).HasMaxLength(200);
        });

        modelBuilder.Entity<PersonRow>(e =>
        {
            e.ToTable("people");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasMaxLength(200);
            e.Property(p => p.Email).HasMaxLength(320);
            e.Property(p => p.EmailNormalized).HasMaxLength(320);
            e.Property(p => p.Role).HasMaxLength(20);
            // Unique among active people: an archived person's address may be given to someone new.
            e.HasIndex(p => p.EmailNormalized).IsUnique().HasFilter("archived_at IS NULL");
            e.HasIndex(p => p.TeamId);
            e.HasOne<TeamRow>().WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ChatIdentityRow>(e =>
        {
            e.ToTable("chat_identities");
            e.HasKey(c => c.Id);
            e.Property(c => c.Platform).HasMaxLength(20);
            e.Property(c => c.Tenant).HasMaxLength(200);
            e.Property(c => c.UserId).HasMaxLength(200);
            e.HasIndex(c => new { c.Platform, c.Tenant, c.UserId }).IsUnique();
            e.HasIndex(c => new { c.Platform, c.Tenant, c.PersonId }).IsUnique();
            e.HasOne<PersonRow>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<GoalImportRow>(e =>
        {
            e.ToTable("goal_imports");
            e.HasKey(i => i.Version);
            e.Property(i => i.Version).ValueGeneratedNever();
            e.Property(i => i.Sha256).HasMaxLength(64);
        });

        modelBuilder.Entity<GoalNodeRow>(e =>
        {
            e.ToTable("goal_nodes");
            e.HasKey(n => n.Id);
            e.Property(n => n.Id).HasMaxLength(200);
            e.Property(n => n.Kind).HasMaxLength(10);
            e.HasIndex(n => n.ParentId);
            e.HasIndex(n => n.TeamId);
        });

        modelBuilder.Entity<GoalTargetRow>(e =>
        {
            e.ToTable("goal_targets");
            e.HasKey(t => t.Id);
            e.Property(t => t.Period).HasMaxLength(20);
            e.HasIndex(t => new { t.NodeId, t.EffectiveFrom }).IsUnique();
            e.HasOne<GoalNodeRow>().WithMany().HasForeignKey(t => t.NodeId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<CheckInEntryRow>(e =>
        {
            e.ToTable("checkin_entries");
            e.HasKey(c => c.Id);
            e.Property(c => c.Source).HasMaxLength(20);
            e.Property(c => c.Revision).IsConcurrencyToken();
            e.HasIndex(c => new { c.PersonId, c.NodeId, c.Day }).IsUnique();
            e.HasIndex(c => new { c.NodeId, c.Day });
            e.HasOne<PersonRow>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<GoalNodeRow>().WithMany().HasForeignKey(c => c.NodeId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<CheckInAuditRow>(e =>
        {
            e.ToTable("checkin_audit");
            e.HasKey(a => a.Id);
            e.Property(a => a.Source).HasMaxLength(20);
            e.HasIndex(a => new { a.PersonId, a.NodeId, a.Day });
            e.HasIndex(a => a.EntryId);
            e.HasOne<CheckInEntryRow>().WithMany().HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<TimeOffRow>(e =>
        {
            e.ToTable("time_off");
            e.HasKey(t => t.Id);
            e.HasIndex(t => new { t.PersonId, t.FirstDay });
            e.HasOne<PersonRow>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
