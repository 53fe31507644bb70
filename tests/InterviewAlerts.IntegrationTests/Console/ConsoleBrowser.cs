using InterviewAlerts.IntegrationTests.Infrastructure;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace InterviewAlerts.IntegrationTests.Console;

/// <summary>
/// A real headless Chromium (Debian's chromium and chromium-driver) driving the operator console. The driver and
/// browser paths are given explicitly, so Selenium Manager never looks for or downloads anything.
/// </summary>
public sealed class ConsoleBrowser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ChromeDriverPath = "/usr/bin/chromedriver";

    private ConsoleBrowser(ChromeDriver driver)
    {
        Driver = driver;
        Wait = new WebDriverWait(driver, TimeSpan.FromSeconds(30));
        // The page re-renders what it shows (search, refresh of an open request): an element read mid-render is read again.
        Wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
    }

    public ChromeDriver Driver { get; }

    /// <summary>Waits for what the page shows (Selenium's own polling wait; never a fixed delay).</summary>
    public WebDriverWait Wait { get; }

    /// <summary>Where screenshots go (git-ignored); the committed ones in docs/operators are copied from here.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot.Path, "artifacts", "console");

    public static ConsoleBrowser Start()
    {
        // CI installs both (.ci/run); a machine without them fails here rather than skipping the console's test.
        if (!File.Exists(ChromiumPath) || !File.Exists(ChromeDriverPath))
        {
            Assert.Fail($"The operator console's browser test needs Debian's chromium and chromium-driver ({ChromiumPath}, {ChromeDriverPath}): "
                + "apt-get install -y chromium chromium-driver");
        }

        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,800",
            "--no-first-run", "--disable-extensions", "--lang=en-US");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriverPath)!, Path.GetFileName(ChromeDriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
#pragma warning disable CA2000 // The driver owns its service and disposes it with itself.
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
#pragma warning restore CA2000
        return new ConsoleBrowser(driver);
    }

    /// <summary>Sets the page's viewport exactly (a phone viewport is a mobile one: touch, narrow layout).</summary>
    public void Viewport(int width, int height, bool mobile = false) =>
        Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = width,
            ["height"] = height,
            ["deviceScaleFactor"] = 1,
            ["mobile"] = mobile,
        });

    public IWebElement Element(string id) => Driver.FindElement(By.Id(id));

    /// <summary>Waits until the element with the id is displayed and returns it.</summary>
    public IWebElement Visible(string id) => Wait.Until(d => d.FindElement(By.Id(id)) is { Displayed: true } e ? e : null)!;

    /// <summary>Waits until the element's text contains the expected text and returns the text.</summary>
    public string WaitForText(By by, string expected)
    {
        string last = "";
        try
        {
            return Wait.Until(d =>
            {
                last = d.FindElements(by).FirstOrDefault()?.Text ?? "";
                return last.Contains(expected, StringComparison.Ordinal) ? last : null;
            })!;
        }
        catch (WebDriverTimeoutException e)
        {
            throw new WebDriverTimeoutException($"Waited for \"{expected}\" in {by}; it shows \"{last}\".", e);
        }
    }

    /// <summary>Waits for the page's confirmation dialog, accepts it and returns its question.</summary>
    public string AcceptConfirmation()
    {
        var alert = Wait.Until(d =>
        {
            try
            {
                return d.SwitchTo().Alert();
            }
            catch (NoAlertPresentException)
            {
                return null;
            }
        })!;
        var question = alert.Text ?? "";
        alert.Accept();
        return question;
    }

    public void Fill(string id, string value)
    {
        var input = Element(id);
        input.Clear();
        input.SendKeys(value);
    }

    /// <summary>Saves what the viewport shows as artifacts/console/{name}.png and returns the file.</summary>
    public string Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var file = Path.Combine(ScreenshotFolder, name + ".png");
        Driver.GetScreenshot().SaveAsFile(file);
        return file;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
    }
}
