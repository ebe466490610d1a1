using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KpiBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DispatchCursor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dispatch_cursor",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    position_unix_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dispatch_cursor", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dispatch_cursor");
        }
    }
}
