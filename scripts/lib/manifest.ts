// The Excel add-in's XML manifest, rendered for one origin: the Worker serves
// the task pane, its icons and the API from that origin, so the manifest only
// needs to know where it runs (https://localhost:8787 in development, the
// deployed Worker's URL in production). `npm run manifest` writes it;
// tests/node/manifest.test.ts checks it (and that manifest.xml never drifts).
import { ScriptError } from './messages.ts';

/** The add-in's identity in Office: never change it, or every install becomes a new add-in. */
export const ADDIN_ID = '5b0f3f0e-58a1-4c2e-9a58-2022b1c05858';
export const ADDIN_VERSION = '0.1.0.0';
export const DEFAULT_ORIGIN = 'https://localhost:8787';

/** Files the manifest points at, as the Worker serves them at `/<path>` (built into dist/public: scripts/lib/build-public.ts). */
export const TASKPANE_PATH = 'taskpane.html';
export const ICON_SIZES = { ribbon: [16, 32, 80], iconUrl: 32, highResolutionIconUrl: 64 } as const;
export const iconPath = (size: number) => `assets/icon-${size}.png`;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin as `scheme://host[:port]`, or a bilingual ScriptError: Office loads
 * add-ins over https only; plain http is accepted for localhost alone.
 */
export function checkOrigin(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new ScriptError(
      `“${input}” không phải địa chỉ hợp lệ (ví dụ: https://bao-cao.example.workers.dev).`,
      `“${input}” is not a valid URL (e.g. https://bao-cao.example.workers.dev).`,
    );
  }
  const isLocal = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLocal)) {
    throw new ScriptError(
      `Office chỉ nạp add-in qua https: “${input}” không dùng được (chỉ localhost mới được dùng http).`,
      `Office loads add-ins over https only: “${input}” cannot be used (plain http is allowed for localhost only).`,
    );
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username) {
    throw new ScriptError(
      `Chỉ nhập gốc địa chỉ (scheme://tên-máy[:cổng]), không kèm đường dẫn: “${input}”.`,
      `Give the origin only (scheme://host[:port]), without a path: “${input}”.`,
    );
  }
  return url.origin;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Text {
  vi: string;
  en: string;
}

const TEXT = {
  displayName: { vi: 'Báo cáo giảm nghèo 58/KH-UBND', en: 'Poverty reduction report 58/KH-UBND' },
  description: {
    vi: 'Lập, kiểm tra và gửi báo cáo tiến độ thực hiện Kế hoạch 58/KH-UBND.',
    en: 'Create, check and submit progress reports on Plan 58/KH-UBND.',
  },
  groupLabel: { vi: 'Giảm nghèo 58', en: 'Poverty reduction 58' },
  buttonLabel: { vi: 'Báo cáo KH 58', en: 'Plan 58 report' },
  buttonTooltip: {
    vi: 'Mở ngăn báo cáo: tạo biểu mẫu của kỳ, kiểm tra và gửi báo cáo tiến độ Kế hoạch 58/KH-UBND.',
    en: 'Open the report pane: create the period’s sheet, check it and submit the Plan 58/KH-UBND progress report.',
  },
  getStartedTitle: { vi: 'Báo cáo KH 58 đã sẵn sàng', en: 'Plan 58 report is ready' },
  getStartedDescription: {
    vi: 'Bấm “Báo cáo KH 58” trên thẻ Trang đầu để lập và gửi báo cáo của cơ quan.',
    en: 'Press “Plan 58 report” on the Home tab to create and submit your agency’s report.',
  },
} satisfies Record<string, Text>;

/** `DefaultValue` in Vietnamese plus an en-US override (base manifest elements). */
const localized = (tag: string, t: Text, indent: string) =>
  `${indent}<${tag} DefaultValue="${escapeXml(t.vi)}">\n` +
  `${indent}  <Override Locale="en-US" Value="${escapeXml(t.en)}" />\n` +
  `${indent}</${tag}>`;

/** A bt:String resource in Vietnamese plus an en-US override. */
const btString = (id: string, t: Text) =>
  `        <bt:String id="${id}" DefaultValue="${escapeXml(t.vi)}">\n` +
  `          <bt:Override Locale="en-US" Value="${escapeXml(t.en)}" />\n` +
  `        </bt:String>`;

const ribbonIcon = (indent: string) =>
  [
    `${indent}<Icon>`,
    ...ICON_SIZES.ribbon.map((s) => `${indent}  <bt:Image size="${s}" resid="Icon.${s}x${s}" />`),
    `${indent}</Icon>`,
  ].join('\n');

/**
 * Who publishes the add-in, as Office shows it on the add-in's card: the office that
 * runs the reporting, by its role (its real name is the district's to give with
 * --provider; the project does not guess it).
 */
export const DEFAULT_PROVIDER = 'Văn phòng điều phối báo cáo Kế hoạch 58/KH-UBND';

/** ProviderName's limit in the add-in manifest schema (1.1): 250 characters. */
const PROVIDER_MAX = 250;

/**
 * The XML manifest for `origin` (checked with checkOrigin; a bad origin throws),
 * published by `provider`. Support and "learn more" links open the reporting web
 * page at the origin's root: a clerk can sign in there with the same key, report
 * without Excel, and the coordinator can download the merged workbook.
 */
export function renderManifest(origin: string, provider: string = DEFAULT_PROVIDER): string {
  const o = escapeXml(checkOrigin(origin));
  const url = (path: string) => `${o}/${path}`;
  const webPage = url('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Excel task-pane add-in, generated by \`npm run manifest\` (scripts/lib/manifest.ts)
     for ${o}: do not edit by hand, edit the renderer and run it again.
     The Worker serves the task pane and its icons from this same origin. -->
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
           xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0"
           xmlns:ov="http://schemas.microsoft.com/office/taskpaneappversionoverrides"
           xsi:type="TaskPaneApp">
  <Id>${ADDIN_ID}</Id>
  <Version>${ADDIN_VERSION}</Version>
  <ProviderName>${escapeXml(checkProvider(provider))}</ProviderName>
  <DefaultLocale>vi-VN</DefaultLocale>
${localized('DisplayName', TEXT.displayName, '  ')}
${localized('Description', TEXT.description, '  ')}
  <IconUrl DefaultValue="${url(iconPath(ICON_SIZES.iconUrl))}" />
  <HighResolutionIconUrl DefaultValue="${url(iconPath(ICON_SIZES.highResolutionIconUrl))}" />
  <SupportUrl DefaultValue="${webPage}" />
  <AppDomains>
    <AppDomain>${o}</AppDomain>
  </AppDomains>
  <Hosts>
    <Host Name="Workbook" />
  </Hosts>
  <!-- ExcelApi 1.7 is the floor (Excel 2019 volume licence stops there). Newer sets
       (1.8 data validation and Excel.createWorkbook, 1.12 custom properties…) are
       checked at run time by the add-in with Office.context.requirements.isSetSupported. -->
  <Requirements>
    <Sets DefaultMinVersion="1.1">
      <Set Name="ExcelApi" MinVersion="1.7" />
    </Sets>
  </Requirements>
  <DefaultSettings>
    <SourceLocation DefaultValue="${url(TASKPANE_PATH)}" />
  </DefaultSettings>
  <Permissions>ReadWriteDocument</Permissions>
  <!-- The ribbon button (Home tab). Office versions without add-in commands ignore
       this block and open the task pane from the add-in list instead. -->
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides"
                    xsi:type="VersionOverridesV1_0">
    <Hosts>
      <Host xsi:type="Workbook">
        <DesktopFormFactor>
          <GetStarted>
            <Title resid="GetStarted.Title" />
            <Description resid="GetStarted.Description" />
            <LearnMoreUrl resid="GetStarted.LearnMoreUrl" />
          </GetStarted>
          <ExtensionPoint xsi:type="PrimaryCommandSurface">
            <OfficeTab id="TabHome">
              <Group id="KH58.Group">
                <Label resid="Group.Label" />
${ribbonIcon('                ')}
                <Control xsi:type="Button" id="KH58.TaskpaneButton">
                  <Label resid="TaskpaneButton.Label" />
                  <Supertip>
                    <Title resid="TaskpaneButton.Label" />
                    <Description resid="TaskpaneButton.Tooltip" />
                  </Supertip>
${ribbonIcon('                  ')}
                  <Action xsi:type="ShowTaskpane">
                    <TaskpaneId>KH58.Taskpane</TaskpaneId>
                    <SourceLocation resid="Taskpane.Url" />
                  </Action>
                </Control>
              </Group>
            </OfficeTab>
          </ExtensionPoint>
        </DesktopFormFactor>
      </Host>
    </Hosts>
    <Resources>
      <bt:Images>
${ICON_SIZES.ribbon.map((s) => `        <bt:Image id="Icon.${s}x${s}" DefaultValue="${url(iconPath(s))}" />`).join('\n')}
      </bt:Images>
      <bt:Urls>
        <bt:Url id="Taskpane.Url" DefaultValue="${url(TASKPANE_PATH)}" />
        <bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="${webPage}" />
      </bt:Urls>
      <bt:ShortStrings>
${btString('Group.Label', TEXT.groupLabel)}
${btString('TaskpaneButton.Label', TEXT.buttonLabel)}
${btString('GetStarted.Title', TEXT.getStartedTitle)}
      </bt:ShortStrings>
      <bt:LongStrings>
${btString('TaskpaneButton.Tooltip', TEXT.buttonTooltip)}
${btString('GetStarted.Description', TEXT.getStartedDescription)}
      </bt:LongStrings>
    </Resources>
  </VersionOverrides>
</OfficeApp>
`;
}

export const MANIFEST_USAGE = `npm run manifest -- [--origin <https://…>] [--out <file>] [--provider <tên / name>]

  --origin    gốc địa chỉ của Worker / the Worker's origin (mặc định / default ${DEFAULT_ORIGIN})
  --out       tệp ghi ra / output file (mặc định / default manifest.xml ở thư mục gốc / at the top)
  --provider  đơn vị phát hành, hiện trên thẻ add-in / publisher shown on the add-in's card
              (mặc định / default “${DEFAULT_PROVIDER}”)`;

/** A provider name Office accepts (1–250 characters), or a bilingual ScriptError. */
export function checkProvider(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > PROVIDER_MAX) {
    throw new ScriptError(
      `--provider: cần 1–${PROVIDER_MAX} ký tự (có ${trimmed.length}).`,
      `--provider: give 1–${PROVIDER_MAX} characters (got ${trimmed.length}).`,
    );
  }
  return trimmed;
}

export interface ManifestArgs {
  help: boolean;
  origin: string;
  out: string | null;
  /** Absent: DEFAULT_PROVIDER. */
  provider?: string;
}

export function parseManifestArgs(argv: string[]): ManifestArgs {
  const args: ManifestArgs = { help: false, origin: DEFAULT_ORIGIN, out: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const [name, inline] = a.startsWith('--') && a.includes('=') ? a.split(/=(.*)/s) : [a];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') {
        throw new ScriptError(`Thiếu giá trị cho ${name}.`, `${name} needs a value.`);
      }
      return v;
    };
    if (name === '--help' || name === '-h') args.help = true;
    else if (name === '--origin') args.origin = value();
    else if (name === '--out') args.out = value();
    else if (name === '--provider') args.provider = checkProvider(value());
    else {
      throw new ScriptError(`Tùy chọn không rõ: ${a}`, `Unknown option: ${a}`, {
        detail: MANIFEST_USAGE,
      });
    }
  }
  checkOrigin(args.origin);
  return args;
}
