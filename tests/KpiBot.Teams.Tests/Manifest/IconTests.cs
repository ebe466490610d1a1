namespace KpiBot.Teams.Tests.Manifest;

/// <summary>The icons are what Teams asks for: a 192×192 colour PNG and a 32×32 outline of white on transparent.</summary>
public class IconTests
{
    private static byte[] Icon(string name) => File.ReadAllBytes(Path.Combine(ManifestFolder.Teams, name));

    [Fact]
    public void ManifestNamesTheCommittedIcons()
    {
        var icons = ManifestFolder.Filled("manifest.json")["icons"]!;

        Assert.Equal("color.png", icons["color"]!.GetValue<string>());
        Assert.Equal("outline.png", icons["outline"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icon_IsAPngOfTheSizeTeamsAsksFor(string name, int size)
    {
        var file = Icon(name);

        Assert.True(PngImage.HasSignature(file), $"{name} has no PNG signature.");
        var png = PngImage.Read(file);
        Assert.Equal((size, size), (png.Width, png.Height));
    }

    [Fact]
    public void ColorIcon_IsOpaque_WithTheGlyphInTheMiddle()
    {
        var png = PngImage.Read(Icon("color.png"));
        Assert.True(png.IsRgba8, "color.png is not 8-bit RGBA; the test reads only that.");
        var pixels = png.Pixels().ToList();

        Assert.All(pixels, p => Assert.Equal(255, p.A));
        // Teams wants the symbol inside the middle 96×96 (48 px padding): the padding is one colour.
        var edge = pixels[0];
        Assert.All(pixels.Where(p => p.X < 48 || p.Y < 48 || p.X >= 144 || p.Y >= 144), p => Assert.Equal((edge.R, edge.G, edge.B), (p.R, p.G, p.B)));
        Assert.Contains(pixels, p => (p.R, p.G, p.B) != (edge.R, edge.G, edge.B));
    }

    [Fact]
    public void OutlineIcon_IsWhiteOnTransparent_AndNotEmpty()
    {
        var png = PngImage.Read(Icon("outline.png"));
        Assert.True(png.IsRgba8, "outline.png must be 8-bit RGBA: Teams needs its transparent background.");
        var pixels = png.Pixels().ToList();

        Assert.All(pixels, p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255),
            $"Pixel ({p.X},{p.Y}) is ({p.R},{p.G},{p.B},{p.A}): every pixel must be fully transparent or white."));
        Assert.Contains(pixels, p => p.A == 255);
        Assert.Contains(pixels, p => p.A == 0);
    }
}
