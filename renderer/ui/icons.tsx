// Every icon the app shows, decorative: the icon is hidden from the accessibility tree, so a button with
// text is named exactly by its text ("新建项目", not "plus 新建项目") and an icon-only button must carry its
// own aria-label or title in the UI's language. Lint lets only this file import @ant-design/icons.
import * as Antd from '@ant-design/icons';
import type { ComponentProps } from 'react';

type Icon = typeof Antd.PlusOutlined;

function decorative(Icon: Icon, name: string): Icon {
  const Decorative = (props: ComponentProps<Icon>) => <Icon aria-hidden {...props} />;
  Decorative.displayName = name;
  return Decorative as Icon;
}

export const AimOutlined = decorative(Antd.AimOutlined, 'AimOutlined');
export const ApartmentOutlined = decorative(Antd.ApartmentOutlined, 'ApartmentOutlined');
export const AppstoreOutlined = decorative(Antd.AppstoreOutlined, 'AppstoreOutlined');
export const ArrowDownOutlined = decorative(Antd.ArrowDownOutlined, 'ArrowDownOutlined');
export const ArrowLeftOutlined = decorative(Antd.ArrowLeftOutlined, 'ArrowLeftOutlined');
export const ArrowUpOutlined = decorative(Antd.ArrowUpOutlined, 'ArrowUpOutlined');
export const AuditOutlined = decorative(Antd.AuditOutlined, 'AuditOutlined');
export const BarChartOutlined = decorative(Antd.BarChartOutlined, 'BarChartOutlined');
export const BellOutlined = decorative(Antd.BellOutlined, 'BellOutlined');
export const CalendarOutlined = decorative(Antd.CalendarOutlined, 'CalendarOutlined');
export const CameraOutlined = decorative(Antd.CameraOutlined, 'CameraOutlined');
export const CheckCircleOutlined = decorative(Antd.CheckCircleOutlined, 'CheckCircleOutlined');
export const CheckOutlined = decorative(Antd.CheckOutlined, 'CheckOutlined');
export const CheckSquareOutlined = decorative(Antd.CheckSquareOutlined, 'CheckSquareOutlined');
export const ClockCircleOutlined = decorative(Antd.ClockCircleOutlined, 'ClockCircleOutlined');
export const CloseOutlined = decorative(Antd.CloseOutlined, 'CloseOutlined');
export const CloudSyncOutlined = decorative(Antd.CloudSyncOutlined, 'CloudSyncOutlined');
export const CompressOutlined = decorative(Antd.CompressOutlined, 'CompressOutlined');
export const CopyOutlined = decorative(Antd.CopyOutlined, 'CopyOutlined');
export const DatabaseOutlined = decorative(Antd.DatabaseOutlined, 'DatabaseOutlined');
export const DeleteOutlined = decorative(Antd.DeleteOutlined, 'DeleteOutlined');
export const DownloadOutlined = decorative(Antd.DownloadOutlined, 'DownloadOutlined');
export const EditOutlined = decorative(Antd.EditOutlined, 'EditOutlined');
export const EnvironmentOutlined = decorative(Antd.EnvironmentOutlined, 'EnvironmentOutlined');
export const ExclamationCircleOutlined = decorative(
  Antd.ExclamationCircleOutlined,
  'ExclamationCircleOutlined',
);
export const ExportOutlined = decorative(Antd.ExportOutlined, 'ExportOutlined');
export const EyeOutlined = decorative(Antd.EyeOutlined, 'EyeOutlined');
export const FileAddOutlined = decorative(Antd.FileAddOutlined, 'FileAddOutlined');
export const FileExcelOutlined = decorative(Antd.FileExcelOutlined, 'FileExcelOutlined');
export const FileImageOutlined = decorative(Antd.FileImageOutlined, 'FileImageOutlined');
export const FilePdfOutlined = decorative(Antd.FilePdfOutlined, 'FilePdfOutlined');
export const FileSearchOutlined = decorative(Antd.FileSearchOutlined, 'FileSearchOutlined');
export const FileTextOutlined = decorative(Antd.FileTextOutlined, 'FileTextOutlined');
export const FileWordOutlined = decorative(Antd.FileWordOutlined, 'FileWordOutlined');
export const FilterOutlined = decorative(Antd.FilterOutlined, 'FilterOutlined');
export const FlagOutlined = decorative(Antd.FlagOutlined, 'FlagOutlined');
export const FolderAddOutlined = decorative(Antd.FolderAddOutlined, 'FolderAddOutlined');
export const FolderOutlined = decorative(Antd.FolderOutlined, 'FolderOutlined');
export const HomeOutlined = decorative(Antd.HomeOutlined, 'HomeOutlined');
export const ImportOutlined = decorative(Antd.ImportOutlined, 'ImportOutlined');
export const InboxOutlined = decorative(Antd.InboxOutlined, 'InboxOutlined');
export const InfoCircleOutlined = decorative(Antd.InfoCircleOutlined, 'InfoCircleOutlined');
export const LeftOutlined = decorative(Antd.LeftOutlined, 'LeftOutlined');
export const LinkOutlined = decorative(Antd.LinkOutlined, 'LinkOutlined');
export const LockOutlined = decorative(Antd.LockOutlined, 'LockOutlined');
export const MenuFoldOutlined = decorative(Antd.MenuFoldOutlined, 'MenuFoldOutlined');
export const MenuUnfoldOutlined = decorative(Antd.MenuUnfoldOutlined, 'MenuUnfoldOutlined');
export const PhoneOutlined = decorative(Antd.PhoneOutlined, 'PhoneOutlined');
export const PictureOutlined = decorative(Antd.PictureOutlined, 'PictureOutlined');
export const PlusOutlined = decorative(Antd.PlusOutlined, 'PlusOutlined');
export const PrinterOutlined = decorative(Antd.PrinterOutlined, 'PrinterOutlined');
export const ReloadOutlined = decorative(Antd.ReloadOutlined, 'ReloadOutlined');
export const RightOutlined = decorative(Antd.RightOutlined, 'RightOutlined');
export const RollbackOutlined = decorative(Antd.RollbackOutlined, 'RollbackOutlined');
export const SafetyCertificateOutlined = decorative(
  Antd.SafetyCertificateOutlined,
  'SafetyCertificateOutlined',
);
export const SaveOutlined = decorative(Antd.SaveOutlined, 'SaveOutlined');
export const SearchOutlined = decorative(Antd.SearchOutlined, 'SearchOutlined');
export const SendOutlined = decorative(Antd.SendOutlined, 'SendOutlined');
export const SettingOutlined = decorative(Antd.SettingOutlined, 'SettingOutlined');
export const StopOutlined = decorative(Antd.StopOutlined, 'StopOutlined');
export const SwapOutlined = decorative(Antd.SwapOutlined, 'SwapOutlined');
export const TeamOutlined = decorative(Antd.TeamOutlined, 'TeamOutlined');
export const UploadOutlined = decorative(Antd.UploadOutlined, 'UploadOutlined');
export const UsbOutlined = decorative(Antd.UsbOutlined, 'UsbOutlined');
export const UserOutlined = decorative(Antd.UserOutlined, 'UserOutlined');
export const WarningOutlined = decorative(Antd.WarningOutlined, 'WarningOutlined');
export const ZoomInOutlined = decorative(Antd.ZoomInOutlined, 'ZoomInOutlined');
export const ZoomOutOutlined = decorative(Antd.ZoomOutOutlined, 'ZoomOutOutlined');
